// The status of one receivable as people asked for it: besides open / overdue / paid / written off,
// "sent to the client" (the SENT stage), "due soon" (due within N days) and "stuck" (overdue, and no
// payment, no stage move and no contact for N days). N days come from the admin page.
import type { LocalDate } from '../calendar/index.ts'
import { daysBetween } from './due.ts'

export type ReceivableStatus = 'open' | 'sent' | 'due-soon' | 'overdue' | 'stuck' | 'paid' | 'written-off'
export const RECEIVABLE_STATUSES: readonly ReceivableStatus[] = [
  'open',
  'sent',
  'due-soon',
  'overdue',
  'stuck',
  'paid',
  'written-off',
]

export interface StatusThresholds {
  /** "due soon" when the due date is today or within this many calendar days */
  dueSoonDays: number
  /** "stuck" when overdue and nothing happened (payment, stage move, contact) for this many days */
  stuckDays: number
}
export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { dueSoonDays: 5, stuckDays: 14 }
export const STATUS_DAYS_MAX = 365

export interface StatusFacts {
  stage: string
  remaining: number
  effectiveDueDate: LocalDate
  /** the last payment, stage move (or other change of the receivable) or contact with the client */
  lastActivityOn: LocalDate | null
}

export function receivableStatus(r: StatusFacts, today: LocalDate, th: StatusThresholds): ReceivableStatus {
  if (r.stage === 'FAIL') return 'written-off'
  if (r.remaining <= 0) return 'paid'
  const late = daysBetween(r.effectiveDueDate, today)
  if (late > 0) {
    const idle = r.lastActivityOn ? daysBetween(r.lastActivityOn, today) : late
    return idle >= th.stuckDays ? 'stuck' : 'overdue'
  }
  if (-late <= th.dueSoonDays) return 'due-soon'
  return r.stage === 'SENT' ? 'sent' : 'open'
}

/** Thresholds from stored settings: whole days 1..365, the defaults for anything else. */
export function statusThresholdsOf(stored: unknown): StatusThresholds {
  const s = (stored ?? {}) as Partial<Record<keyof StatusThresholds, unknown>>
  const ok = (v: unknown): v is number =>
    Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= STATUS_DAYS_MAX
  return {
    dueSoonDays: ok(s.dueSoonDays) ? s.dueSoonDays : DEFAULT_STATUS_THRESHOLDS.dueSoonDays,
    stuckDays: ok(s.stuckDays) ? s.stuckDays : DEFAULT_STATUS_THRESHOLDS.stuckDays,
  }
}
