// ONCRMDYNAMICITEMADD: a new item of some smart process; ours becomes a receivable in the ledger.
import type { EventHandler } from './event-handler.ts'
import { receivablesPorts } from '../use-cases/receivables/receivables-ports.ts'
import { handleReceivableItemEvent } from '../use-cases/receivables/handle-receivable-item-event.ts'
import { dynamicItemRef } from './dynamic-item-ref.ts'

export const onCrmDynamicItemAdd: EventHandler = async (ctx, event) => {
  const ref = dynamicItemRef(event)
  if (!ref) return
  const out = await handleReceivableItemEvent(receivablesPorts(ctx), event.auth.memberId, ref.entityTypeId, ref.itemId)
  ctx.log.debug({ memberId: event.auth.memberId, itemId: ref.itemId, status: out.status }, 'receivable.item-added')
}
