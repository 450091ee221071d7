// Claim work settings of a portal: who gets the tranche tasks and how many working days before the
// deadline (defaults: the approvals' accountant, 2 working days), the claim specialist fallback, and what
// happens when a claim's pre-trial period passes unpaid (default: the case moves to court preparation).
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import { PRETRIAL_ACTIONS, type PretrialAction } from '../../domain/claims/pretrial-expiry.ts'

export interface ClaimSettings {
  accountantId: number | null
  taskDaysBefore: number
  specialistId: number | null
  /** When the pre-trial period passes unpaid: move the case to court preparation, give the lawyer a task, or nothing. */
  afterPretrial: PretrialAction
}

export const CLAIM_SETTINGS_KEY = 'claims'
export const CLAIM_TASK_DAYS_DEFAULT = 2
export const CLAIM_TASK_DAYS_MAX = 30
export const AFTER_PRETRIAL_DEFAULT: PretrialAction = 'move'

export async function loadClaimSettings(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
): Promise<ClaimSettings> {
  const stored = (await ports.settings.get<Partial<ClaimSettings>>(memberId, CLAIM_SETTINGS_KEY)) ?? {}
  const roles = (await ports.settings.get<Record<string, number | null>>(memberId, 'approvals.roles')) ?? {}
  const days = Number(stored.taskDaysBefore)
  return {
    accountantId: stored.accountantId ?? roles.juniorAccountant ?? roles.chiefAccountant ?? null,
    taskDaysBefore:
      Number.isSafeInteger(days) && days >= 0 && days <= CLAIM_TASK_DAYS_MAX ? days : CLAIM_TASK_DAYS_DEFAULT,
    specialistId: stored.specialistId ?? roles.lawyer ?? null,
    afterPretrial: PRETRIAL_ACTIONS.includes(stored.afterPretrial!) ? stored.afterPretrial! : AFTER_PRETRIAL_DEFAULT,
  }
}
