// Per-portal approval settings: the people in the roles, the SLA ladders, the CFO rule and the
// accounting cut-off. Stored under 'approvals.roles' and 'approvals.sla'; defaults from seed 004.
import {
  createWorkingCalendar,
  type WorkingCalendar,
  type WorkingCalendarSettings,
} from '../../domain/calendar/index.ts'
import { HEAD_SLA, REVIEW_SLA, type RoleKey, type SlaPolicy, type StepCondition } from '../../domain/approvals/index.ts'
import type { ApprovalPorts } from './approval-ports.ts'

export type ApprovalRoles = Record<RoleKey, number | null>

export interface ApprovalSlaSettings {
  /** SLA ladder per step id: head, cfo, finance, legal, signing. */
  ladders: Record<string, SlaPolicy>
  cfoRule: StepCondition | null
  cutoff: string
  endOfDay: string
}

export const ROLE_KEYS: RoleKey[] = [
  'financeManager',
  'operationsManager',
  'chiefAccountant',
  'juniorAccountant',
  'cfo',
  'lawyer',
  'signatory',
]
export const SLA_STEPS = ['head', 'cfo', 'finance', 'legal', 'signing'] as const

export const DEFAULT_SLA: ApprovalSlaSettings = {
  ladders: { head: HEAD_SLA, cfo: REVIEW_SLA, finance: REVIEW_SLA, legal: REVIEW_SLA, signing: REVIEW_SLA },
  cfoRule: null,
  cutoff: '13:00',
  endOfDay: '18:00',
}

export async function approvalRoles(ports: ApprovalPorts, memberId: string): Promise<ApprovalRoles> {
  const stored = (await ports.settings.get<Partial<ApprovalRoles>>(memberId, 'approvals.roles')) ?? {}
  return Object.fromEntries(ROLE_KEYS.map((k) => [k, stored[k] ?? null])) as ApprovalRoles
}

export async function approvalSla(ports: ApprovalPorts, memberId: string): Promise<ApprovalSlaSettings> {
  const stored = (await ports.settings.get<Partial<ApprovalSlaSettings>>(memberId, 'approvals.sla')) ?? {}
  return { ...DEFAULT_SLA, ...stored, ladders: { ...DEFAULT_SLA.ladders, ...(stored.ladders ?? {}) } }
}

export interface ApprovalEnvBase {
  calendar: WorkingCalendar
  lang: 'ru' | 'en'
}

export async function approvalCalendar(ports: ApprovalPorts, memberId: string): Promise<ApprovalEnvBase> {
  const portal = await ports.portalOf(memberId)
  const timezone = portal?.timezone ?? 'Europe/Moscow'
  const stored = await ports.settings.get<Partial<WorkingCalendarSettings>>(memberId, 'calendar')
  let calendar: WorkingCalendar
  try {
    calendar = createWorkingCalendar({ missingYear: 'art-112', ...(stored ?? {}), timezone })
  } catch {
    calendar = createWorkingCalendar({ missingYear: 'art-112', timezone })
  }
  return { calendar, lang: portal?.lang === 'en' ? 'en' : 'ru' }
}
