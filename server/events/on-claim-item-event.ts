// ONCRMDYNAMICITEMADD / ONCRMDYNAMICITEMUPDATE on our Claim Work type: stage moves of a recovery case
// drive work (use-cases/claims/handle-claim-stage.ts); other types are ignored.
import type { EventHandler } from './event-handler.ts'
import { dunningPorts } from '../use-cases/dunning/dunning-ports.ts'
import { handleClaimItemEvent } from '../use-cases/claims/handle-claim-stage.ts'
import { dynamicItemRef } from './dynamic-item-ref.ts'

export const onClaimItemEvent: EventHandler = async (ctx, event) => {
  const ref = dynamicItemRef(event)
  if (!ref) return
  const out = await handleClaimItemEvent(dunningPorts(ctx), event.auth.memberId, ref.entityTypeId, ref.itemId)
  if (out.status === 'handled')
    ctx.log.debug({ memberId: event.auth.memberId, itemId: ref.itemId, entered: out.entered }, 'claim.item-event')
}
