// ONTASKUPDATE: data[FIELDS_AFTER][ID]; only the accounting tasks of approvals matter here.
import type { EventHandler } from './event-handler.ts'
import { approvalPorts } from '../use-cases/approvals/approval-ports.ts'
import { handleApprovalTaskUpdate } from '../use-cases/approvals/handle-approval-task-update.ts'

export function taskIdOf(data: Record<string, unknown>): number | null {
  const after = data.FIELDS_AFTER
  const id = after && typeof after === 'object' ? Number((after as Record<string, unknown>).ID) : NaN
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

export const onApprovalTaskUpdate: EventHandler = async (ctx, event) => {
  const taskId = taskIdOf(event.data as Record<string, unknown>)
  if (taskId === null) return
  const out = await handleApprovalTaskUpdate(approvalPorts(ctx), event.auth.memberId, taskId)
  if (out !== 'ignored') ctx.log.debug({ memberId: event.auth.memberId, taskId, out }, 'approval.task-update')
}
