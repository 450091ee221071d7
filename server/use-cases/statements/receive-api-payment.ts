// POST /api/v1/payments: a payment reported by an accounting system (1C, a bank connector). It is
// idempotent on the payer's reference: the same payer INN and reference return the first answer
// (two payers may use the same payment-order number; which API key sent it does not matter, so a
// rotated key or a second connector reporting the same payment records nothing new). It goes
// through the statement matcher and review queue: to the named receivable, or matched by INN,
// invoice numbers and amount, or left for an accountant. A payment a bank statement already brought
// (same payer INN, order number = reference, amount, dates within 5 days) is that line: it answers
// duplicate: true with it and records nothing (the statement import checks the other way round).
import { createHash } from 'node:crypto'
import {
  CROSS_CHANNEL_DAYS,
  findCrossChannel,
  findDocumentNumbers,
  matchPayment,
  type MatchDecision,
} from '../../domain/statements/index.ts'
import { statementsRepository, type StatementLine } from '../../storage/repositories/statements.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { applyLineDecision } from './match-statement.ts'
import { tellAccountantsOfApiPayments } from './api-payment-review-notify.ts'
import { learnPayerInns, loadMatchIndex } from './statement-match-index.ts'
import { isLedgerDay } from '../../domain/receivables/validate.ts'

export const MAX_API_PAYMENT = 10_000_000_000_00 // 10 billion roubles, in kopecks: anything above is a typo

export interface ApiPaymentInput {
  reference?: unknown
  amount?: unknown
  paidOn?: unknown
  payerInn?: unknown
  payerKpp?: unknown
  payerName?: unknown
  purpose?: unknown
  receivableId?: unknown
}

const bad = (field: string, message: string) => new LedgerError('invalid', 'payment.invalid', `${field}: ${message}`)
const text = (v: unknown, field: string, max: number, required = false): string => {
  if (v === undefined || v === null || v === '') {
    if (required) throw bad(field, 'is required')
    return ''
  }
  if (typeof v !== 'string' || v.length > max) throw bad(field, `a string of up to ${max} characters`)
  return v.trim()
}

export function parseApiPayment(i: ApiPaymentInput, today: string) {
  const reference = text(i.reference, 'reference', 100, true)
  if (!reference) throw bad('reference', 'is required')
  const amount = i.amount
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_API_PAYMENT)
    throw bad('amount', `a whole number of kopecks from 1 to ${MAX_API_PAYMENT}`)
  const paidOn = text(i.paidOn, 'paidOn', 10, true)
  if (!isLedgerDay(paidOn)) throw bad('paidOn', 'a date YYYY-MM-DD between 1990 and 2200')
  if (paidOn > today) throw bad('paidOn', `cannot be after today (${today})`)
  const payerInn = text(i.payerInn, 'payerInn', 12) || null
  if (payerInn && !/^(\d{10}|\d{12})$/.test(payerInn)) throw bad('payerInn', '10 or 12 digits')
  const payerKpp = text(i.payerKpp, 'payerKpp', 9) || null
  if (payerKpp && !/^\d{4}[\dA-Z]{2}\d{3}$/.test(payerKpp)) throw bad('payerKpp', '9 characters')
  const receivableId = i.receivableId === undefined || i.receivableId === null ? null : Number(i.receivableId)
  if (receivableId !== null && (!Number.isSafeInteger(receivableId) || receivableId <= 0))
    throw bad('receivableId', 'a receivable id')
  return {
    reference,
    amount,
    paidOn,
    payerInn,
    payerKpp,
    payerName: text(i.payerName, 'payerName', 300),
    purpose: text(i.purpose, 'purpose', 2000),
    receivableId,
  }
}

const hash = (k: string) => createHash('sha256').update(k).digest('hex').slice(0, 32)
/** The line key of an API payment: the payer's INN and reference; without an INN the reference alone (as before). */
export const apiPaymentKey = (reference: string, payerInn: string | null) =>
  hash(payerInn ? `api-payer|${payerInn}|${reference}` : `api|${reference}`)

export async function receiveApiPayment(
  ports: DunningPorts,
  memberId: string,
  keyName: string,
  input: ApiPaymentInput,
): Promise<{ line: StatementLine; duplicate: boolean }> {
  const { today, lang } = await portalDay(ports, memberId)
  const p = parseApiPayment(input, today)
  const repo = statementsRepository(ports.db)
  const lineKey = apiPaymentKey(p.reference, p.payerInn)
  // lines received before the key included the payer: the same reference of the same payer is the same payment
  const legacy = p.payerInn ? await repo.lineByKey(memberId, apiPaymentKey(p.reference, null)) : null
  const known = (await repo.lineByKey(memberId, lineKey)) ?? (legacy && legacy.payerInn === p.payerInn ? legacy : null)
  if (known) {
    if (known.amount !== p.amount)
      throw new LedgerError(
        'conflict',
        'payment.reference-reused',
        `reference "${p.reference}"${p.payerInn ? ` of payer ${p.payerInn}` : ''} was already used for a payment of ${known.amount} kopecks`,
      )
    return { line: known, duplicate: true }
  }
  const banked = await inStatement(repo, memberId, p)
  if (banked) {
    ports.log.info({ memberId, lineId: banked.id, reference: p.reference }, 'api.payment.already-in-statement')
    return { line: banked, duplicate: true }
  }
  if (p.receivableId !== null) {
    const r = await ports.db
      .selectFrom('receivables')
      .select('id')
      .where('member_id', '=', memberId)
      .where('id', '=', p.receivableId)
      .executeTakeFirst()
    if (!r) throw new LedgerError('not-found', 'receivable.not-found', `receivable ${p.receivableId} not found`)
  }
  const imp = await repo.create(
    memberId,
    {
      fileName: `API: ${keyName}`.slice(0, 200),
      format: 'api',
      sha256: lineKey,
      sizeBytes: 0,
      uploadedBy: `api-key:${keyName}`.slice(0, 200),
      documents: 1,
      balances: [],
      warnings: [],
    },
    [
      {
        lineKey,
        position: 1,
        direction: 'incoming',
        docNumber: p.reference,
        valueDate: p.paidOn,
        amount: p.amount,
        payerInn: p.payerInn,
        payerKpp: p.payerKpp,
        payerName: p.payerName,
        purpose: p.purpose,
      },
    ],
  )
  const line = await repo.lineByKey(memberId, lineKey)
  if (!line || line.importId !== imp.id) return { line: line!, duplicate: true } // a concurrent call with the same reference won
  let decision: MatchDecision
  if (p.receivableId !== null) {
    decision = {
      status: 'matched',
      rule: 'invoice-number',
      counterpartyId: 0,
      allocations: [{ receivableId: p.receivableId, amount: p.amount }],
    }
  } else {
    const only = { inns: p.payerInn ? [p.payerInn] : [], invoiceNumbers: findDocumentNumbers(p.purpose).invoices }
    let ix = await loadMatchIndex(ports, memberId, only)
    if (
      p.payerInn &&
      !ix.byInn.has(p.payerInn) &&
      ports.clients &&
      (await learnPayerInns(ports, await ports.clients.forPortal(memberId), memberId, [p.payerInn])) > 0
    )
      ix = await loadMatchIndex(ports, memberId, only)
    decision = matchPayment(ix, {
      amount: p.amount,
      date: p.paidOn,
      payerInn: p.payerInn,
      payerKpp: p.payerKpp,
      purpose: p.purpose,
    })
  }
  await applyLineDecision(ports, memberId, line, decision, today, lang)
  const done = await repo.refreshCounts(memberId, imp.id, true)
  if (ports.clients && done.review > 0) {
    // the payment is recorded: a failed notice is logged, not answered as a failure (a retry would only find the duplicate)
    await tellAccountantsOfApiPayments(ports, await ports.clients.forPortal(memberId), memberId, line.id, lang).catch(
      (e: unknown) =>
        ports.log.warn({ memberId, lineId: line.id, err: (e as Error).message }, 'api.payment.review-notify-failed'),
    )
  }
  await ports.audit.record({
    memberId,
    actor: `api-key:${keyName}`,
    source: 'api',
    action: 'payment.received',
    entity: 'statement-line',
    entityId: String(line.id),
    details: { reference: p.reference, amount: p.amount, status: decision.status },
  })
  return { line: (await repo.line(memberId, line.id))!, duplicate: false }
}

/** The bank-statement line that is this payment (or, when that line repeats another API line, that API line). */
async function inStatement(
  repo: ReturnType<typeof statementsRepository>,
  memberId: string,
  p: ReturnType<typeof parseApiPayment>,
): Promise<StatementLine | null> {
  if (!p.payerInn) return null
  const near = await repo.statementLinesNear(memberId, {
    payerInn: p.payerInn,
    amount: p.amount,
    date: p.paidOn,
    days: CROSS_CHANNEL_DAYS,
  })
  const line = findCrossChannel(
    { id: 0, docNumber: p.reference, valueDate: p.paidOn, amount: p.amount, payerInn: p.payerInn },
    near,
  )
  return line?.duplicateOf ? ((await repo.line(memberId, line.duplicateOf)) ?? line) : line
}
