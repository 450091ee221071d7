// ONTASKUPDATE: data[FIELDS_AFTER][ID]; only the tranche tasks of compensation claims matter here.
import type { EventHandler } from './event-handler.ts'
import { taskIdOf } from './on-approval-task-update.ts'
import { dunningPorts } from '../use-cases/dunning/dunning-ports.ts'
import { handleClaimTaskUpdate } from '../use-cases/claims/handle-claim-task-update.ts'

export const onClaimTaskUpdate: EventHandler = async (ctx, event) => {
  const taskId = taskIdOf(event.data as Record<string, unknown>)
  if (taskId === null) return
  const out = await handleClaimTaskUpdate(dunningPorts(ctx), event.auth.memberId, taskId)
  if (out !== 'ignored') ctx.log.debug({ memberId: event.auth.memberId, taskId, out }, 'claim.task-update')
}
