// Desired portal state, built from data: smart processes, events, robots, placements.
import type { EventSpec, SmartProcessSpec } from './manifest-types.ts'
import { receivablesProcess } from './processes/receivables.ts'
import { claimsProcess } from './processes/claims.ts'
import { approvalsProcess } from './processes/approvals.ts'

export const smartProcesses: SmartProcessSpec[] = [receivablesProcess, claimsProcess, approvalsProcess]

/** Portal events the app listens to (all delivered to POST /bitrix/events). */
export const eventBindings: EventSpec[] = [
  'ONCRMDYNAMICITEMADD',
  'ONCRMDYNAMICITEMUPDATE',
  'ONCRMDYNAMICITEMDELETE',
  // deals as the source of receivables (server/events/on-crm-deal-event.ts)
  'ONCRMDEALADD',
  'ONCRMDEALUPDATE',
  'ONCRMCOMPANYADD',
  'ONCRMCOMPANYUPDATE',
  'ONCRMCONTACTADD',
  'ONCRMCONTACTUPDATE',
  'ONTASKADD',
  'ONTASKUPDATE',
  'ONTASKDELETE',
  'ONCRMACTIVITYADD',
  'ONAPPUNINSTALL',
].map((event) => ({ event, handlerPath: '/bitrix/events' }))

/** The UF field name of a field of a process: UF_CRM_<typeId>_RC_<suffix>. */
export function ufFieldName(typeId: number, suffix: string): string {
  return `UF_CRM_${typeId}_RC_${suffix}`
}

/** The camelCase REST name crm.item.* uses for it (letters-only suffix: regular regime). */
export function ufRestName(typeId: number, suffix: string): string {
  const camel = `RC_${suffix}`
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
  return `ufCrm${typeId}${camel}`
}
