// Read one field of an item for {=Document:<field>} templates (crm.item name or UF_ upper name).
import { indexSchema, itemSchema, resolveField } from '../methods/item-schema.ts'
import { toOutput } from '../methods/item-values.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { Rec } from '../state/types.ts'

export function itemFieldValue(ps: PortalState, entityTypeId: number, item: Rec, field: string): unknown {
  const type = ps.typeByEntityTypeId(entityTypeId)
  if (!type) return undefined
  const d = resolveField(indexSchema(itemSchema(ps, type)), field)
  if (!d) return undefined
  return toOutput(d, item[d.key], ps.portal.timezone)
}
