// The matching job of one statement import: every new incoming line, in file order, is either
// recorded as payments (reference = the line and the receivable, so a retry records nothing twice)
// or put in the review queue with its reason and candidates. Progress is saved every 200 lines;
// accountants are told once per import when lines wait for them.
import { matchPayment, type MatchDecision, type MatchRule } from '../domain/statements/index.ts'
import { effectKeys } from '../jobs/keys.ts'
import { statementsRepository, type LineAllocation, type StatementImport, type StatementLine } from '../storage/repositories/statements.ts'
import type { PortalClient } from '../bitrix24/client/portal-client.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { learnPayerInns, loadMatchIndex } from './statement-match-index.ts'
import { recordPayment } from './record-payment.ts'
import { portalDay } from './receivable-calendar.ts'
import { notifyEmployee } from './dunning-channels.ts'
import { statementNotifyIds } from './statement-settings.ts'
import { formatDate } from '../documents/format.ts'

export const statementPaymentRef = (lineId: number, receivableId: number) => `L${lineId}:R${receivableId}`

export async function matchStatement(ports: DunningPorts, memberId: string, importId: number): Promise<StatementImport | null> {
  const repo = statementsRepository(ports.db)
  const imp = await repo.get(memberId, importId)
  if (!imp) return null
  const client = ports.clients ? await ports.clients.forPortal(memberId) : null
  const { today, lang } = await portalDay(ports, memberId)
  let lines = await repo.pendingLines(memberId, importId)
  // lines an interrupted attempt had decided: record exactly that decision (payments are idempotent)
  for (const line of lines.filter((l) => l.allocations.length > 0)) {
    await applyLineDecision(ports, memberId, line, { status: 'matched', rule: (line.rule ?? 'invoice-number') as MatchRule, counterpartyId: line.counterpartyId ?? 0, allocations: line.allocations }, today, lang)
  }
  lines = lines.filter((l) => l.allocations.length === 0)
  if (lines.length) {
    let ix = await loadMatchIndex(ports, memberId)
    const unknown = [...new Set(lines.map((l) => l.payerInn).filter((inn): inn is string => inn !== null && !ix.byInn.has(inn)))]
    if (client && unknown.length && (await learnPayerInns(ports, client, memberId, unknown)) > 0) ix = await loadMatchIndex(ports, memberId)
    let n = 0
    for (const line of lines) {
      const decision = matchPayment(ix, { amount: line.amount, date: line.valueDate ?? today, payerInn: line.payerInn, payerKpp: line.payerKpp, purpose: line.purpose })
      await applyLineDecision(ports, memberId, line, decision, today, lang)
      if (++n % 200 === 0) await repo.refreshCounts(memberId, importId, false)
    }
  }
  const out = await repo.refreshCounts(memberId, importId, true)
  if (client) await tellAccountants(ports, client, memberId, out, lang)
  ports.log.info({ memberId, importId, matched: out.matched, review: out.review }, 'statement.matched')
  return out
}

export async function applyLineDecision(ports: DunningPorts, memberId: string, line: StatementLine, d: MatchDecision, today: string, lang: 'ru' | 'en'): Promise<void> {
  const repo = statementsRepository(ports.db)
  if (d.status === 'review') {
    await repo.decide(memberId, line.id, { status: 'review', reason: d.reason, counterpartyId: d.counterpartyId, candidates: d.candidates })
    return
  }
  // the decision is saved first, so a crash between two payments of a split line resumes it as decided
  await repo.plan(memberId, line.id, { rule: d.rule, counterpartyId: d.counterpartyId, allocations: d.allocations })
  const allocations = await recordLinePayments(ports, memberId, line, d.allocations, 'statement:auto', today, lang).catch((e: unknown) => e as Error)
  if (allocations instanceof Error) {
    ports.log.warn({ memberId, lineId: line.id, err: allocations.message }, 'statement.line-not-recorded')
    await repo.decide(memberId, line.id, { status: 'review', reason: `error: ${allocations.message}`.slice(0, 300), counterpartyId: d.counterpartyId, candidates: d.allocations.map((a) => a.receivableId) })
    return
  }
  await repo.decide(memberId, line.id, { status: 'matched', rule: d.rule, counterpartyId: d.counterpartyId, allocations })
}

/** Accountants hear once per import that lines wait for them. */
export async function tellAccountants(ports: DunningPorts, client: PortalClient, memberId: string, imp: StatementImport, lang: 'ru' | 'en'): Promise<void> {
  if (imp.review === 0) return
  const text = lang === 'ru'
    ? `Выписка «${imp.fileName}»: платежей ждут разбора — ${imp.review}, разнесено автоматически — ${imp.matched}. Откройте приложение, раздел «Выписки».`
    : `Statement "${imp.fileName}": ${imp.review} payment(s) wait for review, ${imp.matched} matched automatically. Open the app, section "Statements".`
  for (const userId of await statementNotifyIds(ports, memberId)) await notifyEmployee(ports, client, memberId, effectKeys.statementReviewNotify(memberId, imp.id, userId), userId, text)
}

/** Records the allocations of a line as payments (idempotent on the line and receivable). */
export async function recordLinePayments(ports: DunningPorts, memberId: string, line: StatementLine, allocations: readonly { receivableId: number; amount: number }[], actor: string, today: string, lang: 'ru' | 'en'): Promise<LineAllocation[]> {
  const paidOn = line.valueDate && line.valueDate <= today ? line.valueDate : today
  const comment = lang === 'ru'
    ? `Банковская выписка: п/п № ${line.docNumber || '—'}${line.valueDate ? ` от ${formatDate(line.valueDate, 'ru')}` : ''}, ${line.payerName || 'плательщик не указан'}`
    : `Bank statement: payment order ${line.docNumber || '—'}${line.valueDate ? ` of ${line.valueDate}` : ''}, ${line.payerName || 'payer unknown'}`
  const out: LineAllocation[] = []
  for (const a of allocations) {
    const r = await recordPayment(ports, { memberId, actor, source: 'statement' }, { receivableId: a.receivableId, amount: a.amount, paidOn, source: 'bank-statement', sourceRef: statementPaymentRef(line.id, a.receivableId), comment })
    out.push({ receivableId: a.receivableId, amount: a.amount, paymentId: r.payment.id })
  }
  return out
}
