// Lines of a statement whose balances do not add up wait for review (reason balance-mismatch). An
// accountant who has checked the file accepts them, one line or the whole import at once: each is
// marked accepted and goes through the usual matching (recorded, or back to review with its own
// reason). Audited with who accepted which lines; accepting twice changes nothing.
import { statementsRepository, type StatementImport } from '../../storage/repositories/statements.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { BALANCE_ACCEPTED, BALANCE_MISMATCH, matchStatement } from './match-statement.ts'

export async function acceptStatementLines(
  ports: DunningPorts,
  who: Actor,
  target: { importId: number } | { lineId: number },
): Promise<{ import: StatementImport; accepted: number }> {
  const repo = statementsRepository(ports.db)
  let importId: number
  let ids: number[]
  if ('lineId' in target) {
    const line = await repo.line(who.memberId, target.lineId)
    if (!line)
      throw new LedgerError('not-found', 'statement.line-not-found', `statement line ${target.lineId} not found`)
    if (line.status !== 'review' || line.reason !== BALANCE_MISMATCH)
      throw new LedgerError(
        'conflict',
        'statement.line-not-held',
        `statement line ${line.id} is not held by a balance mismatch (it is ${line.status})`,
      )
    importId = line.importId
    ids = [line.id]
  } else {
    importId = target.importId
    if (!(await repo.get(who.memberId, importId)))
      throw new LedgerError('not-found', 'statement.not-found', `statement import ${importId} not found`)
    ids = await repo.heldLineIds(who.memberId, importId, BALANCE_MISMATCH)
  }
  if (ids.length === 0) return { import: (await repo.get(who.memberId, importId))!, accepted: 0 }
  await repo.release(who.memberId, ids, BALANCE_MISMATCH, BALANCE_ACCEPTED)
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'statement.lines-accepted',
    entity: 'statement',
    entityId: String(importId),
    details: { lines: ids.length, lineIds: ids.slice(0, 1000) },
  })
  const imp = (await matchStatement(ports, who.memberId, importId)) ?? (await repo.get(who.memberId, importId))
  return { import: imp!, accepted: ids.length }
}
