// The matching job of one statement import: every new incoming line, in file order, is either
// recorded as payments (reference = the line and the receivable, so a retry records nothing twice)
// or put in the review queue with its reason and candidates, a chunk of lines at a time (one short
// transaction each, the event loop given back between chunks). Progress is saved every chunk;
// accountants are told once per import when lines wait for them. A statement whose balances do not
// add up records nothing automatically: every line waits for review (reason balance-mismatch) until
// an accountant accepts it (accept-statement-lines.ts), which marks it BALANCE_ACCEPTED and matches it.
import {
  balancesAllowRecording,
  matchPayment,
  type MatchDecision,
  type MatchRule,
} from '../../domain/statements/index.ts'
import { effectKeys } from '../effect-keys.ts'
import { isValidInn } from '../../domain/parties/inn.ts'
import {
  statementsRepository,
  type LineAllocation,
  type StatementImport,
  type StatementLine,
} from '../../storage/repositories/statements.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { learnPayerInns, loadMatchIndex } from './statement-match-index.ts'
import { recordPayment } from '../receivables/record-payment.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { notifyEmployee } from '../dunning/dunning-channels.ts'
import { statementNotifyIds } from './statement-settings.ts'
import { isLedgerDay } from '../../domain/receivables/validate.ts'
import { STATEMENT_AUTO_ACTOR, tellResponsibles } from './statement-payments-digest.ts'
import { paymentComment, statementPaymentRef } from './statement-payment.ts'
import { recordLineChunk } from './record-line-chunk.ts'
import { performance } from 'node:perf_hooks'

/** review reason of the lines of a statement whose balances fail */
export const BALANCE_MISMATCH = 'balance-mismatch'
/** the mark of a pending line an accountant accepted despite the balances */
export const BALANCE_ACCEPTED = 'balance-accepted'
/** Lines decided and written together by the matching job. */
const CHUNK = 50

export async function matchStatement(
  ports: DunningPorts,
  memberId: string,
  importId: number,
): Promise<StatementImport | null> {
  const started = performance.now()
  const repo = statementsRepository(ports.db)
  const imp = await repo.get(memberId, importId)
  if (!imp) return null
  const client = ports.clients ? await ports.clients.forPortal(memberId) : null
  const { today, lang } = await portalDay(ports, memberId)
  let lines = await repo.pendingLines(memberId, importId)
  // lines an interrupted attempt had decided: record exactly that decision (payments are idempotent)
  for (const line of lines.filter((l) => l.allocations.length > 0)) {
    await applyLineDecision(
      ports,
      memberId,
      line,
      {
        status: 'matched',
        rule: (line.rule ?? 'invoice-number') as MatchRule,
        counterpartyId: line.counterpartyId ?? 0,
        allocations: line.allocations,
      },
      today,
      lang,
    )
  }
  lines = lines.filter((l) => l.allocations.length === 0)
  if (!balancesAllowRecording(imp.balances)) {
    for (const line of lines.filter((l) => l.reason !== BALANCE_ACCEPTED))
      await repo.decide(memberId, line.id, { status: 'review', reason: BALANCE_MISMATCH, candidates: [] })
    lines = lines.filter((l) => l.reason === BALANCE_ACCEPTED)
  }
  if (lines.length) {
    let ix = await loadMatchIndex(ports, memberId)
    const unknown = [
      ...new Set(lines.map((l) => l.payerInn).filter((inn): inn is string => isValidInn(inn) && !ix.byInn.has(inn!))),
    ]
    if (client && unknown.length && (await learnPayerInns(ports, client, memberId, unknown)) > 0)
      ix = await loadMatchIndex(ports, memberId)
    // no real date in the bank file (31.02, 00.00.0000, year 0001): a person looks at it, never "today"
    for (const line of lines.filter((l) => !isLedgerDay(l.valueDate))) {
      ports.log.warn({ memberId, importId, lineId: line.id }, 'statement.line-date-invalid')
      await repo.decide(memberId, line.id, {
        status: 'review',
        reason: 'invalid-date',
        counterpartyId: null,
        candidates: [],
      })
    }
    lines = lines.filter((l) => isLedgerDay(l.valueDate))
    // chunks of lines: decided in memory, written with a few statements (line by line when the chunk
    // cannot be), and the event loop is given back between chunks so HTTP keeps answering
    for (let at = 0; at < lines.length; at += CHUNK) {
      const chunk = lines.slice(at, at + CHUNK).map((line) => ({
        line,
        decision: matchPayment(ix, {
          amount: line.amount,
          date: line.valueDate ?? today,
          payerInn: line.payerInn,
          payerKpp: line.payerKpp,
          purpose: line.purpose,
        }),
      }))
      if (!(await recordLineChunk(ports, memberId, chunk, today, lang)))
        for (const c of chunk) await applyLineDecision(ports, memberId, c.line, c.decision, today, lang)
      await repo.refreshCounts(memberId, importId, false)
      await new Promise((r) => setImmediate(r))
    }
  }
  const out = await repo.refreshCounts(memberId, importId, true)
  if (client) await tellAccountants(ports, client, memberId, out, lang)
  if (client) await tellResponsibles(ports, client, memberId, out, lang)
  const durationMs = Math.round(performance.now() - started)
  ports.log.info({ memberId, importId, matched: out.matched, review: out.review, durationMs }, 'statement.matched')
  return out
}

export async function applyLineDecision(
  ports: DunningPorts,
  memberId: string,
  line: StatementLine,
  d: MatchDecision,
  today: string,
  lang: 'ru' | 'en',
): Promise<void> {
  const repo = statementsRepository(ports.db)
  if (d.status === 'review') {
    await repo.decide(memberId, line.id, {
      status: 'review',
      reason: d.reason,
      counterpartyId: d.counterpartyId,
      candidates: d.candidates,
    })
    return
  }
  // the decision is saved first, so a crash between two payments of a split line resumes it as decided
  await repo.plan(memberId, line.id, { rule: d.rule, counterpartyId: d.counterpartyId, allocations: d.allocations })
  const allocations = await recordLinePayments(
    ports,
    memberId,
    line,
    d.allocations,
    STATEMENT_AUTO_ACTOR,
    today,
    lang,
  ).catch((e: unknown) => e as Error)
  if (allocations instanceof Error) {
    ports.log.warn({ memberId, lineId: line.id, err: allocations.message }, 'statement.line-not-recorded')
    await repo.decide(memberId, line.id, {
      status: 'review',
      reason: `error: ${allocations.message}`.slice(0, 300),
      counterpartyId: d.counterpartyId,
      candidates: d.allocations.map((a) => a.receivableId),
    })
    return
  }
  await repo.decide(memberId, line.id, {
    status: 'matched',
    rule: d.rule,
    counterpartyId: d.counterpartyId,
    allocations,
  })
}

/** Accountants hear once per import that lines wait for them. */
export async function tellAccountants(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  imp: StatementImport,
  lang: 'ru' | 'en',
): Promise<void> {
  if (imp.review === 0) return
  const held = !balancesAllowRecording(imp.balances)
  const text =
    lang === 'ru'
      ? `Выписка «${imp.fileName}»: платежей ждут разбора — ${imp.review}, разнесено автоматически — ${imp.matched}.${held ? ' Остатки выписки не сходятся: ничего не разнесено автоматически.' : ''} Откройте приложение, раздел «Выписки».`
      : `Statement "${imp.fileName}": ${imp.review} payment(s) wait for review, ${imp.matched} matched automatically.${held ? " The statement's balances do not add up: nothing was recorded automatically." : ''} Open the app, section "Statements".`
  for (const userId of await statementNotifyIds(ports, memberId))
    await notifyEmployee(
      ports,
      client,
      memberId,
      effectKeys.statementReviewNotify(memberId, imp.id, userId),
      userId,
      text,
    )
}

/** Records the allocations of a line as payments (idempotent on the line and receivable). */
export async function recordLinePayments(
  ports: DunningPorts,
  memberId: string,
  line: StatementLine,
  allocations: readonly { receivableId: number; amount: number }[],
  actor: string,
  today: string,
  lang: 'ru' | 'en',
): Promise<LineAllocation[]> {
  const paidOn = line.valueDate && line.valueDate <= today ? line.valueDate : today
  const comment = paymentComment(line, lang)
  const out: LineAllocation[] = []
  for (const a of allocations) {
    const r = await recordPayment(
      ports,
      { memberId, actor, source: 'statement' },
      {
        receivableId: a.receivableId,
        amount: a.amount,
        paidOn,
        source: 'bank-statement',
        sourceRef: statementPaymentRef(line.id, a.receivableId),
        comment,
      },
    )
    out.push({ receivableId: a.receivableId, amount: a.amount, paymentId: r.payment.id })
  }
  return out
}
