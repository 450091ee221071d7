// ONCRMDYNAMICITEMADD / ONCRMDYNAMICITEMUPDATE of a smart invoice (ENTITY_TYPE_ID 31; the events fire for smart
// invoices too, api-reference/crm/universal/events/on-crm-dynamic-item-update.md): when the admin chose the
// portal's invoices as the source, one at the chosen stage becomes a receivable.
import type { EventHandler } from './event-handler.ts'
import { receivablesPorts } from '../use-cases/receivables/receivables-ports.ts'
import { handleSourceEvent } from '../use-cases/receivables/reconcile-sources.ts'
import { SMART_INVOICE_TYPE } from '../use-cases/receivables/source-settings.ts'
import { dynamicItemRef } from './dynamic-item-ref.ts'

export const onSmartInvoiceEvent: EventHandler = async (ctx, event) => {
  const ref = dynamicItemRef(event)
  if (!ref || ref.entityTypeId !== SMART_INVOICE_TYPE) return
  const out = await handleSourceEvent(receivablesPorts(ctx), event.auth.memberId, SMART_INVOICE_TYPE, ref.itemId)
  ctx.log.debug(
    { memberId: event.auth.memberId, invoiceId: ref.itemId, status: out.status },
    'receivable.source-invoice',
  )
}
