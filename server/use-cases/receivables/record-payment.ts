// Record a payment against a receivable: one transaction (row lock, insert once by source
// reference, balance recomputed from the entries, audit), then a keyed mirror job.
import { assertAmount, assertDay, assertText, ReceivableError } from '../../domain/receivables/index.ts'
import type { Payment, PaymentSource } from '../../storage/repositories/payments.ts'
import type { Receivable } from '../../storage/repositories/receivables.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import type { Actor } from './create-receivable.ts'
import { LedgerError } from './ledger-error.ts'
import { portalDay } from './receivable-calendar.ts'
import { inLedgerTx, rebalance } from './ledger-tx.ts'
import { enqueueMirror } from './enqueue-mirror.ts'

export interface RecordPaymentInput {
  receivableId: number
  amount: unknown
  paidOn: unknown
  source: Exclude<PaymentSource, 'reversal'>
  /** Unique per portal (bank document id, robot event token, client request id). */
  sourceRef: unknown
  comment?: unknown
  /** Typed by a person in the tab: amounts are guarded (an absurd one refused, an advance confirmed). */
  typedByPerson?: { confirmAdvance: boolean }
}

/** A payment entered by hand above this many times the invoice amount is a typo, not an advance. */
export const IMPLAUSIBLE_PAYMENT_FACTOR = 10

export interface PaymentOutcome {
  payment: Payment
  receivable: Receivable
  duplicate: boolean
}

export async function recordPayment(
  ports: ReceivablesPorts,
  who: Actor,
  input: RecordPaymentInput,
): Promise<PaymentOutcome> {
  const amount = assertAmount(input.amount)
  const paidOn = assertDay(input.paidOn, 'paidOn')
  const sourceRef = `${input.source}:${assertText(input.sourceRef, 'sourceRef', 200)}`
  const comment = assertText(input.comment, 'comment', 1000, false)
  const { today } = await portalDay(ports, who.memberId)
  if (paidOn > today)
    throw new ReceivableError('receivable.invalid-date', 'paidOn cannot be in the future', 'paidOn', { rule: 'future' })
  const outcome = await inLedgerTx(ports.db, async (r) => {
    const rec = await r.receivables.get(who.memberId, input.receivableId, { forUpdate: true })
    if (!rec) throw new LedgerError('not-found', 'receivable.not-found', `receivable ${input.receivableId} not found`)
    if (input.typedByPerson) guardTypedAmount(rec, amount, input.typedByPerson.confirmAdvance)
    const { payment, duplicate } = await r.payments.insertOnce(who.memberId, {
      receivableId: rec.id,
      amount,
      paidOn,
      source: input.source,
      sourceRef,
      comment,
      actor: who.actor,
    })
    if (duplicate) {
      if (payment.receivableId !== rec.id || payment.amount !== amount) {
        throw new LedgerError(
          'conflict',
          'payment.reference-reused',
          'this payment reference was already used for a different payment',
        )
      }
      return { payment, receivable: rec, duplicate }
    }
    await rebalance(r, who.memberId, rec.id, rec.amount)
    const after = (await r.receivables.get(who.memberId, rec.id))!
    await r.audit.record({
      memberId: who.memberId,
      actor: who.actor,
      source: who.source,
      action: 'payment.recorded',
      entity: 'receivable',
      entityId: String(rec.id),
      details: {
        paymentId: payment.id,
        amount,
        paidOn,
        source: input.source,
        sourceRef,
        paid: after.paid,
        remaining: after.remaining,
      },
    })
    return { payment, receivable: after, duplicate }
  })
  if (!outcome.duplicate) {
    await enqueueMirror(
      ports,
      { memberId: who.memberId, receivableId: outcome.receivable.id, trigger: 'money', paymentId: outcome.payment.id },
      outcome.receivable.version,
    )
  }
  return outcome
}

/** A payment typed by a person: an absurd amount is refused; one above the remaining debt needs a confirmation
 *  (the excess becomes the counterparty's advance). Bank statements and robots record what the bank says. */
function guardTypedAmount(rec: Receivable, amount: number, confirmed: boolean): void {
  if (amount > rec.amount * IMPLAUSIBLE_PAYMENT_FACTOR)
    throw new LedgerError(
      'invalid',
      'payment.implausible-amount',
      `A payment of more than ${IMPLAUSIBLE_PAYMENT_FACTOR} times the invoice amount is not plausible`,
    )
  const advance = amount - Math.max(0, rec.remaining)
  if (advance > 0 && !confirmed)
    throw new LedgerError(
      'conflict',
      'payment.exceeds-remaining',
      `The payment exceeds the remaining debt by ${advance} kopecks; confirm to record the excess as an advance`,
    )
}
