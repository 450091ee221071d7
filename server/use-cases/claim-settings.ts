// Claim work settings of a portal: who gets the tranche tasks and how many working days before the
// deadline (defaults: the approvals' accountant, 2 working days), and the claim specialist fallback.
import type { ReceivablesPorts } from './receivables-ports.ts'

export interface ClaimSettings { accountantId: number | null; taskDaysBefore: number; specialistId: number | null }

export const CLAIM_SETTINGS_KEY = 'claims'
export const CLAIM_TASK_DAYS_DEFAULT = 2
export const CLAIM_TASK_DAYS_MAX = 30

export async function loadClaimSettings(ports: Pick<ReceivablesPorts, 'settings'>, memberId: string): Promise<ClaimSettings> {
  const stored = (await ports.settings.get<Partial<ClaimSettings>>(memberId, CLAIM_SETTINGS_KEY)) ?? {}
  const roles = (await ports.settings.get<Record<string, number | null>>(memberId, 'approvals.roles')) ?? {}
  const days = Number(stored.taskDaysBefore)
  return {
    accountantId: stored.accountantId ?? roles.juniorAccountant ?? roles.chiefAccountant ?? null,
    taskDaysBefore: Number.isSafeInteger(days) && days >= 0 && days <= CLAIM_TASK_DAYS_MAX ? days : CLAIM_TASK_DAYS_DEFAULT,
    specialistId: stored.specialistId ?? roles.lawyer ?? null,
  }
}
