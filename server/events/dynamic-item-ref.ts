// data[FIELDS][ID] and data[FIELDS][ENTITY_TYPE_ID] of ONCRMDYNAMICITEM* events.
import type { InboundEvent } from '../bitrix24/inbound/parse-event.ts'

export function dynamicItemRef(event: InboundEvent): { entityTypeId: number; itemId: number } | null {
  const fields = event.data.FIELDS
  if (!fields || typeof fields !== 'object') return null
  const f = fields as Record<string, unknown>
  const itemId = Number(f.ID)
  const entityTypeId = Number(f.ENTITY_TYPE_ID)
  return Number.isSafeInteger(itemId) && itemId > 0 && Number.isSafeInteger(entityTypeId) && entityTypeId > 0
    ? { entityTypeId, itemId }
    : null
}
