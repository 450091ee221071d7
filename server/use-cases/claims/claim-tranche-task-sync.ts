// A planned tranche edited or deleted after its accountant's task was made: the task follows
// (tasks.task.update with the new amount, deadline and words; tasks.task.delete), so no task stays
// open for money that is no longer planned. A task the accountant already completed is a payment
// on its way: the edit is refused (its event marks the tranche paid).
import { localDateOf } from '../../domain/calendar/index.ts'
import { PayoutError } from '../../domain/claims/payouts.ts'
import { tasks } from '../../bitrix24/rest/index.ts'
import { taskCountsDone } from '../../domain/tasks/task-done.ts'
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { ClaimCase, StoredTranche } from '../../storage/repositories/claims.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { trancheTaskFields } from './claim-tranche-tasks.ts'

const gone = (e: unknown) =>
  e instanceof Bitrix24Error && !e.retryable && /not found|#256|ACTION_NOT_ALLOWED/i.test(e.message)

/** The tranche's task while it is still open; null without one (or when it was deleted in the portal). */
export async function openTrancheTask(
  client: PortalClient,
  tranche: StoredTranche | undefined,
): Promise<number | null> {
  if (!tranche?.taskId || tranche.status !== 'planned') return null
  const task = await tasks.get(client, tranche.taskId, ['ID', 'STATUS']).catch((e: unknown) => {
    if (gone(e)) return null
    throw e
  })
  if (!task) return null
  if (taskCountsDone('tranche', task.status))
    throw new PayoutError(
      'payout.task-completed',
      'The accountant has already completed the task of this tranche: it is being marked paid',
    )
  return tranche.taskId
}

export async function updateTrancheTask(
  ports: DunningPorts,
  client: PortalClient,
  claim: ClaimCase,
  taskId: number,
  t: { deadline: string; amount: number },
): Promise<void> {
  const { calendar, lang } = await portalDay(ports, claim.memberId)
  const f = trancheTaskFields(claim, t, calendar, localDateOf(calendar.timezone, ports.now().getTime()), lang)
  await client.call('tasks.task.update', {
    taskId,
    fields: { TITLE: f.title, DESCRIPTION: f.description, DEADLINE: f.deadline },
  })
}

export async function deleteTrancheTask(client: PortalClient, taskId: number): Promise<void> {
  await client.call('tasks.task.delete', { taskId }).catch((e: unknown) => {
    if (!gone(e)) throw e
  })
}
