// ONTASKUPDATE of a tranche task: completed -> the tranche is Paid, the totals comment and fields
// are updated in place, and after the last tranche the completion task is created once; reopened
// -> the tranche goes back to Planned. The task's status is read from the portal, so duplicated or
// reordered events converge on the same state. Cost: 1 read + 1 batch (+1 task at completion).
import { allPaid, payoutTotals } from '../../domain/claims/payouts.ts'
import { localDateOf } from '../../domain/calendar/index.ts'
import { tasks } from '../../bitrix24/rest/index.ts'
import { taskCountsDone } from '../../domain/tasks/task-done.ts'
import { claimsRepository } from '../../storage/repositories/claims.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { claimsProcessOf } from './claim-case.ts'
import { syncClaimTotals, totalsSignature } from './sync-claim-totals.ts'
import { createCompletionTask } from './claim-tranche-tasks.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'

export type ClaimTaskOutcome = 'ignored' | 'unchanged' | 'paid' | 'reverted'

export async function handleClaimTaskUpdate(
  ports: DunningPorts,
  memberId: string,
  taskId: number,
): Promise<ClaimTaskOutcome> {
  const repo = claimsRepository(ports.db)
  const tranche = await repo.byTask(memberId, taskId)
  if (!tranche) return 'ignored'
  const process = await claimsProcessOf(ports, memberId)
  if (!process || !ports.clients) return 'ignored'
  const client = await ports.clients.forPortal(memberId)
  const task = await tasks.get(client, taskId, ['ID', 'STATUS', 'CLOSED_BY', 'CLOSED_DATE', 'RESPONSIBLE_ID'])
  const done = taskCountsDone('tranche', task.status)
  const { calendar, lang } = await portalDay(ports, memberId)
  const t = task as typeof task & { closedBy?: string; closedDate?: string | null }
  const changed = done
    ? await repo.setPaid(memberId, Number(tranche.id), {
        on: localDateOf(calendar.timezone, t.closedDate ? Date.parse(t.closedDate) : ports.now().getTime()),
        by: Number(t.closedBy ?? t.responsibleId) || null,
      })
    : await repo.setPaid(memberId, Number(tranche.id), null)
  const claim = (await repo.get(memberId, tranche.caseId))!
  const list = await repo.tranches(memberId, claim.id)
  // a retry after a crash between the status change and the portal writes finds the totals stale, or the
  // completion task missing
  const stale = claim.syncedTotals !== totalsSignature(payoutTotals(list))
  const completes = done && allPaid(list) && claim.completionTaskId === null
  if (!changed && !stale && !completes) return 'unchanged'
  if (changed || stale) await syncClaimTotals(ports, client, process, claim, list, lang)
  if (changed) {
    await ports.audit.record({
      memberId,
      actor: 'portal',
      source: 'event',
      action: done ? 'claim.tranche-paid' : 'claim.tranche-reverted',
      entity: 'claim',
      entityId: String(claim.id),
      details: { trancheId: tranche.id, taskId },
    })
  }
  if (completes) await createCompletionTask(ports, client, process, claim, lang)
  return !changed ? 'unchanged' : done ? 'paid' : 'reverted'
}
