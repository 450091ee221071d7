// One handler per portal event (on-<event>.ts). Handlers receive a verified, parsed event.
import type { EventHandler } from './event-handler.ts'
import { onCrmDynamicItemAdd } from './on-crm-dynamic-item-add.ts'
import { onCrmDynamicItemUpdate } from './on-crm-dynamic-item-update.ts'
import { onApprovalItemEvent } from './on-approval-item-event.ts'
import { onApprovalTaskUpdate } from './on-approval-task-update.ts'
import { onAppUninstall } from './on-app-uninstall.ts'
import { onClaimTaskUpdate } from './on-claim-task-update.ts'
import { onClaimItemEvent } from './on-claim-item-event.ts'
import { onCrmActivityAdd } from './on-crm-activity-add.ts'
import { onCrmDealEvent } from './on-crm-deal-event.ts'
import { onSmartInvoiceEvent } from './on-smart-invoice-event.ts'

/** Several features listen to one event; each handler ignores the smart process types that are not its own. */
const allOf =
  (...handlers: EventHandler[]): EventHandler =>
  async (ctx, event) => {
    for (const h of handlers) await h(ctx, event)
  }

export const eventHandlers: Record<string, EventHandler> = {
  ONCRMDYNAMICITEMADD: allOf(onCrmDynamicItemAdd, onApprovalItemEvent, onClaimItemEvent, onSmartInvoiceEvent),
  ONCRMDYNAMICITEMUPDATE: allOf(onCrmDynamicItemUpdate, onApprovalItemEvent, onClaimItemEvent, onSmartInvoiceEvent),
  ONCRMDEALADD: onCrmDealEvent,
  ONCRMDEALUPDATE: onCrmDealEvent,
  ONTASKUPDATE: allOf(onApprovalTaskUpdate, onClaimTaskUpdate),
  ONCRMACTIVITYADD: onCrmActivityAdd,
  ONAPPUNINSTALL: onAppUninstall,
}
