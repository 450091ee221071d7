// What a portal user may see in our tabs and API: company-wide views (the register without a
// counterparty, ageing of everyone, reports) are for portal administrators and the people named in
// the admin page's approval roles; a counterparty's receivables are for whoever the portal lets read
// that company or contact in CRM (asked with the user's own token, cached briefly).
import type { Db } from '../../storage/database.ts'
import type { SettingsRepository } from '../../storage/repositories/settings.ts'
import { counterpartiesRepository } from '../../storage/repositories/counterparties.ts'
import { receivablesRepository } from '../../storage/repositories/receivables.ts'
import type { CrmPartyType, UserCrmAccess } from '../../bitrix24/client/user-crm-access.ts'

export interface Viewer {
  memberId: string
  userId: number
  isAdmin: boolean
  accessToken?: string
}

export interface VisibilityPorts {
  db: Db
  settings: SettingsRepository
  crmAccess: UserCrmAccess | null
}

/** Administrators and the holders of the approval roles named in the admin page. */
export async function seesCompanyWide(ports: VisibilityPorts, v: Viewer): Promise<boolean> {
  if (v.isAdmin) return true
  const roles = (await ports.settings.get<Record<string, unknown>>(v.memberId, 'approvals.roles')) ?? {}
  return Object.values(roles).some((id) => Number(id) === v.userId)
}

/** The portal lets this user read this company or contact in CRM. */
export async function seesCounterparty(
  ports: VisibilityPorts,
  v: Viewer,
  type: CrmPartyType,
  entityId: number,
): Promise<boolean> {
  if (await seesCompanyWide(ports, v)) return true
  if (!ports.crmAccess || !v.accessToken) return false
  return (await ports.crmAccess(v.memberId, v.accessToken, type, [entityId])).has(entityId)
}

/** The receivable's counterparty is visible to the user; null when there is no such receivable. */
export async function seesReceivable(ports: VisibilityPorts, v: Viewer, receivableId: number): Promise<boolean | null> {
  if (await seesCompanyWide(ports, v)) return true
  const rec = await receivablesRepository(ports.db).get(v.memberId, receivableId)
  if (!rec) return null
  const cp = await counterpartiesRepository(ports.db).get(v.memberId, rec.counterpartyId)
  if (!cp) return false
  return seesCounterparty(ports, v, cp.entityType, cp.entityId)
}
