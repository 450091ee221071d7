// The portal's CRM chooser (BX24 selectCRM through the frame) for forms that name a counterparty:
// the companies and contacts picked, with their names. Absent outside the portal, where the form's
// own search stays. Ids come as 'CO_12' / 'C_5'
// (https://apidocs.bitrix24.com/sdk/bx24-js-sdk/system-dialogues/bx24-select-crm.html).
import type { PortalFrame } from './portal-frame/portal-frame.ts'

interface PickedCrm {
  entityType: 'company' | 'contact'
  entityId: number
  name: string | null
}
export type PickCrm = () => Promise<PickedCrm[]>

interface CrmEntity {
  id?: unknown
  title?: unknown
}

/** The picked companies and contacts of a selectCRM answer, companies first; other buckets and odd ids dropped. */
export function pickedCrm(selected: { company?: CrmEntity[]; contact?: CrmEntity[] } | null | undefined): PickedCrm[] {
  const out: PickedCrm[] = []
  const take = (list: CrmEntity[] | undefined, entityType: PickedCrm['entityType'], prefix: string) => {
    for (const e of Array.isArray(list) ? list : []) {
      const m = new RegExp(`^${prefix}_(\\d{1,10})$`).exec(String(e?.id ?? ''))
      const entityId = m ? Number(m[1]) : 0
      if (!entityId || out.some((x) => x.entityType === entityType && x.entityId === entityId)) continue
      const name = typeof e.title === 'string' && e.title.trim() ? e.title.trim() : null
      out.push({ entityType, entityId, name })
    }
  }
  take(selected?.company, 'company', 'CO')
  take(selected?.contact, 'contact', 'C')
  return out
}

/** A chooser of companies and contacts, several at once; undefined without the portal. */
export function crmPicker(frame: PortalFrame | undefined): PickCrm | undefined {
  if (!frame) return undefined
  return async () => pickedCrm(await frame.selectCRM({ entityType: ['company', 'contact'], multiple: true }))
}
