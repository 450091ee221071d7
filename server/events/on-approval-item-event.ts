// ONCRMDYNAMICITEMADD / ONCRMDYNAMICITEMUPDATE for our Approvals type (other types are ignored).
import type { EventHandler } from './event-handler.ts'
import { dynamicItemRef } from './dynamic-item-ref.ts'
import { approvalPorts } from '../use-cases/approvals/approval-ports.ts'
import { handleApprovalItemEvent } from '../use-cases/approvals/handle-approval-item-event.ts'

export const onApprovalItemEvent: EventHandler = async (ctx, event) => {
  const ref = dynamicItemRef(event)
  if (!ref) return
  const out = await handleApprovalItemEvent(approvalPorts(ctx), event.auth.memberId, ref.entityTypeId, ref.itemId)
  if (out.status !== 'ignored')
    ctx.log.debug({ memberId: event.auth.memberId, itemId: ref.itemId, status: out.status }, 'approval.item-event')
}
