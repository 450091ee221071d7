// ONCRMDEALADD / ONCRMDEALUPDATE (data[FIELDS][ID], api-reference/crm/deals/events/on-crm-deal-update.md): a deal
// that reaches the stage the admin picked becomes a receivable; its amount is followed until the invoice is sent.
import type { EventHandler } from './event-handler.ts'
import { receivablesPorts } from '../use-cases/receivables/receivables-ports.ts'
import { handleSourceEvent } from '../use-cases/receivables/reconcile-sources.ts'
import { DEAL_TYPE } from '../use-cases/receivables/source-settings.ts'

export const onCrmDealEvent: EventHandler = async (ctx, event) => {
  const fields = event.data.FIELDS as Record<string, unknown> | undefined
  const id = Number(fields?.ID)
  if (!Number.isSafeInteger(id) || id <= 0) return
  const out = await handleSourceEvent(receivablesPorts(ctx), event.auth.memberId, DEAL_TYPE, id)
  ctx.log.debug({ memberId: event.auth.memberId, dealId: id, status: out.status }, 'receivable.source-deal')
}
