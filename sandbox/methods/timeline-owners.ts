// The CRM owners a timeline entry or an activity can belong to: companies, contacts, smart-process items.
import type { Ctx } from '../rest/context.ts'

/** Does the CRM owner exist? entityType is `company`, `contact`, `dynamic_<etid>` ... */
export function ownerExists(ctx: Ctx, entityType: string, id: number): 'ok' | 'type' | 'item' {
  const t = entityType.toLowerCase()
  if (t === 'company') return ctx.ps.companies.get(id) ? 'ok' : 'item'
  if (t === 'contact') return ctx.ps.contacts.get(id) ? 'ok' : 'item'
  // deals are served by crm.item.* with entityTypeId 2 (system-types.ts)
  if (t === 'deal') return ctx.ps.items(2).get(id) ? 'ok' : 'item'
  const m = /^dynamic_(\d+)$/.exec(t)
  if (m) {
    if (!ctx.ps.typeByEntityTypeId(Number(m[1]))) return 'type'
    return ctx.ps.items(Number(m[1])).get(id) ? 'ok' : 'item'
  }
  return ['lead', 'order'].includes(t) ? 'item' : 'type'
}

const TYPE_NAMES: Record<number, string> = { 1: 'lead', 2: 'deal', 3: 'contact', 4: 'company', 14: 'order' }
export const typeNameOf = (etid: number) => TYPE_NAMES[etid] ?? `dynamic_${etid}`
