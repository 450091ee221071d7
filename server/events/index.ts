// One handler per portal event (on-<event>.ts). Handlers receive a verified, parsed event.
import type { AppContext } from '../context.ts'
import type { InboundEvent } from '../bitrix24/inbound/parse-event.ts'
import { onCrmDynamicItemAdd } from './on-crm-dynamic-item-add.ts'
import { onCrmDynamicItemUpdate } from './on-crm-dynamic-item-update.ts'

export type EventHandler = (ctx: AppContext, event: InboundEvent) => Promise<void>

export const eventHandlers: Record<string, EventHandler> = {
  ONCRMDYNAMICITEMADD: onCrmDynamicItemAdd,
  ONCRMDYNAMICITEMUPDATE: onCrmDynamicItemUpdate,
}
