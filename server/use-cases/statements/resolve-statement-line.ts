// The review queue: an accountant assigns a waiting statement line to one or more receivables
// (the parts add up to the line's amount; an excess on the last one stays as the debtor's advance)
// or dismisses it with a reason. Both are audited; a line is resolved once.
import { statementsRepository, type StatementLine } from '../../storage/repositories/statements.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { recordLinePayments } from './match-statement.ts'

async function waiting(ports: DunningPorts, memberId: string, lineId: unknown): Promise<StatementLine> {
  const id = Number(lineId)
  const line = Number.isSafeInteger(id) && id > 0 ? await statementsRepository(ports.db).line(memberId, id) : null
  if (!line)
    throw new LedgerError('not-found', 'statement.line-not-found', `statement line ${String(lineId)} not found`)
  if (line.status !== 'review')
    throw new LedgerError(
      'conflict',
      'statement.line-resolved',
      `statement line ${id} is not waiting for review (it is ${line.status})`,
    )
  return line
}

export async function assignStatementLine(
  ports: DunningPorts,
  who: Actor,
  lineId: unknown,
  parts: unknown,
): Promise<StatementLine> {
  const line = await waiting(ports, who.memberId, lineId)
  if (!Array.isArray(parts) || parts.length === 0 || parts.length > 50)
    throw new LedgerError('invalid', 'statement.allocations', 'allocations: give 1 to 50 parts {receivableId, amount}')
  const allocations = parts.map((p: { receivableId?: unknown; amount?: unknown }, n) => {
    const receivableId = Number(p?.receivableId)
    const amount = Number(p?.amount)
    if (!Number.isSafeInteger(receivableId) || receivableId <= 0)
      throw new LedgerError('invalid', 'statement.allocations', `allocations[${n}].receivableId is not a receivable id`)
    if (!Number.isSafeInteger(amount) || amount <= 0)
      throw new LedgerError(
        'invalid',
        'statement.allocations',
        `allocations[${n}].amount must be a positive number of kopecks`,
      )
    return { receivableId, amount }
  })
  if (new Set(allocations.map((a) => a.receivableId)).size !== allocations.length)
    throw new LedgerError('invalid', 'statement.allocations', 'a receivable appears twice in the allocations')
  const sum = allocations.reduce((s, a) => s + a.amount, 0)
  if (sum !== line.amount)
    throw new LedgerError(
      'invalid',
      'statement.allocations',
      `the parts add up to ${sum} kopecks, the line is ${line.amount}`,
    )
  const found = await ports.db
    .selectFrom('receivables')
    .select('id')
    .where('member_id', '=', who.memberId)
    .where(
      'id',
      'in',
      allocations.map((a) => a.receivableId),
    )
    .execute()
  if (found.length !== allocations.length)
    throw new LedgerError('not-found', 'receivable.not-found', 'one of the receivables does not exist in this portal')
  const { today, lang } = await portalDay(ports, who.memberId)
  const recorded = await recordLinePayments(ports, who.memberId, line, allocations, who.actor, today, lang)
  const repo = statementsRepository(ports.db)
  await repo.decide(who.memberId, line.id, {
    status: 'assigned',
    rule: 'manual',
    reason: line.reason,
    counterpartyId: line.counterpartyId,
    candidates: line.candidates,
    allocations: recorded,
    resolvedBy: who.actor,
  })
  await repo.refreshCounts(who.memberId, line.importId, false)
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'statement.line-assigned',
    entity: 'statement-line',
    entityId: String(line.id),
    details: { allocations: recorded },
  })
  return (await repo.line(who.memberId, line.id))!
}

export async function dismissStatementLine(
  ports: DunningPorts,
  who: Actor,
  lineId: unknown,
  reason: unknown,
): Promise<StatementLine> {
  const line = await waiting(ports, who.memberId, lineId)
  const why = typeof reason === 'string' ? reason.trim() : ''
  if (!why || why.length > 500)
    throw new LedgerError(
      'invalid',
      'statement.reason',
      'reason: say in up to 500 characters why the line is dismissed',
    )
  const repo = statementsRepository(ports.db)
  await repo.decide(who.memberId, line.id, {
    status: 'dismissed',
    rule: null,
    reason: why,
    counterpartyId: line.counterpartyId,
    candidates: line.candidates,
    resolvedBy: who.actor,
  })
  await repo.refreshCounts(who.memberId, line.importId, false)
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'statement.line-dismissed',
    entity: 'statement-line',
    entityId: String(line.id),
    details: { reason: why },
  })
  return (await repo.line(who.memberId, line.id))!
}
