// Heals what lost task events left behind in the payout tranches (run by the claim-tranche-scan job).
import { tasks } from '../../bitrix24/rest/index.ts'
import { taskCountsDone } from '../../domain/tasks/task-done.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { claimsRepository } from '../../storage/repositories/claims.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { claimsProcessOf } from './claim-case.ts'
import { createCompletionTask } from './claim-tranche-tasks.ts'
import { handleClaimTaskUpdate } from './handle-claim-task-update.ts'

/** Lost ONTASKUPDATE events: a tranche whose task status disagrees with it is handled again; a case paid out
 *  whose completion task was never created (its job failed in between) gets it. */
export async function reconcileTrancheTasks(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
): Promise<number> {
  const repo = claimsRepository(ports.db)
  const list = await repo.tranchesWithTasks(memberId)
  let healed = 0
  const paidOut = await repo.paidOutWithoutCompletion(memberId)
  const process = paidOut.length ? await claimsProcessOf(ports, memberId) : null
  if (process) {
    const { lang } = await portalDay(ports, memberId)
    for (const claim of paidOut) if (await createCompletionTask(ports, client, process, claim, lang)) healed++
  }
  for (let i = 0; i < list.length; i += 50) {
    const chunk = list.slice(i, i + 50)
    const found = await tasks.list(client, { ID: chunk.map((t) => t.taskId) }, ['ID', 'STATUS'])
    const status = new Map(found.map((t) => [Number(t.id), Number(t.status)]))
    for (const t of chunk) {
      const done = taskCountsDone('tranche', status.get(t.taskId!))
      if (status.has(t.taskId!) && done !== (t.status === 'paid')) {
        if ((await handleClaimTaskUpdate(ports, memberId, t.taskId!)) !== 'unchanged') healed++
      }
    }
  }
  return healed
}
