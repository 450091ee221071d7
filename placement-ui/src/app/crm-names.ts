// Names of CRM companies and contacts a form refers to by id but whose names it does not hold (a
// debtor picked in the CRM before the ledger has its invoices): crm.company.get / crm.contact.get
// in batches through the frame. Without a frame or on any failure the form keeps what it has.
import type { PortalFrame } from './portal-frame/portal-frame.ts'

export interface CrmRef {
  entityType: 'company' | 'contact'
  entityId: number
}
/** 'company:12' -> 'ООО «Василёк»'. */
export type LoadCrmNames = (refs: readonly CrmRef[]) => Promise<Map<string, string>>
export const crmKey = (r: CrmRef) => `${r.entityType}:${r.entityId}`

interface CrmRow {
  ID?: string | number
  TITLE?: string
  NAME?: string
  LAST_NAME?: string
}

const rowOf = (entry: unknown): CrmRow | null =>
  entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as CrmRow) : null

const nameOf = (type: CrmRef['entityType'], r: CrmRow) =>
  (type === 'company'
    ? String(r.TITLE ?? '')
    : [r.NAME, r.LAST_NAME].filter((x) => x && String(x).trim()).join(' ')
  ).trim() || null

export async function loadCrmNames(
  frame: PortalFrame | undefined,
  refs: readonly CrmRef[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!frame) return out
  for (const type of ['company', 'contact'] as const) {
    const ids = [
      ...new Set(
        refs
          .filter((r) => r.entityType === type && Number.isSafeInteger(r.entityId) && r.entityId > 0)
          .map((r) => r.entityId),
      ),
    ].slice(0, 50)
    if (!ids.length) continue
    try {
      const entries = await frame.batch(ids.map((id) => [`crm.${type}.get`, { id }]))
      for (const entry of entries) {
        const r = rowOf(entry)
        const name = r && r.ID !== undefined ? nameOf(type, r) : null
        if (r && name) out.set(crmKey({ entityType: type, entityId: Number(r.ID) }), name)
      }
    } catch {
      // names are a nicety: the form shows what it has
    }
  }
  return out
}
