// Compensation paid out to a customer in tranches (seed 003). Pure: amounts in kopecks, dates ISO.
import { DateTime } from 'luxon'
import { DomainError } from '../domain-error.ts'

export type TrancheStatus = 'planned' | 'paid'

export interface Tranche {
  id: string
  deadline: string
  amount: number
  status: TrancheStatus
  paidOn: string | null
  paidBy: number | null
}

export interface PayoutTotals {
  total: number
  paid: number
  remaining: number
}

export class PayoutError extends DomainError<string> {
  constructor(code: string, message: string) {
    super('PayoutError', code, message)
  }
}

export const MAX_TRANCHE_KOPECKS = 1_000_000_000_000 // 10 billion roubles

/** The default deadline of a tranche: the last day of the month of `date`. */
export function defaultTrancheDeadline(date: string): string {
  return DateTime.fromISO(date).endOf('month').toISODate()!
}

export function payoutTotals(tranches: readonly Tranche[]): PayoutTotals {
  const total = tranches.reduce((s, t) => s + t.amount, 0)
  const paid = tranches.filter((t) => t.status === 'paid').reduce((s, t) => s + t.amount, 0)
  return { total, paid, remaining: total - paid }
}

/** How far the schedule is from the agreed compensation (0 = matches; > 0 = schedule exceeds it). */
export function scheduleDifference(tranches: readonly Tranche[], agreed: number): number {
  return payoutTotals(tranches).total - agreed
}

export function validateTranche(t: Pick<Tranche, 'amount' | 'deadline'>): void {
  if (!Number.isSafeInteger(t.amount) || t.amount <= 0)
    throw new PayoutError('payout.amount-invalid', 'A tranche amount must be a positive sum')
  if (t.amount > MAX_TRANCHE_KOPECKS)
    throw new PayoutError('payout.amount-absurd', 'A tranche amount is implausibly large')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t.deadline) || !DateTime.fromISO(t.deadline).isValid)
    throw new PayoutError('payout.deadline-invalid', 'A tranche deadline must be a date (YYYY-MM-DD)')
}

/** A new or edited tranche: its deadline not before today (portal's day), the schedule not above the agreed
 *  sum (`agreed` null = nothing agreed yet, no limit). `others`: the schedule's other tranches. */
export function checkTrancheInSchedule(
  t: Pick<Tranche, 'amount' | 'deadline'>,
  others: readonly Pick<Tranche, 'amount'>[],
  agreed: number | null,
  today: string,
): void {
  if (t.deadline < today) throw new PayoutError('payout.deadline-past', `A tranche deadline cannot be in the past`)
  const total = others.reduce((s, x) => s + x.amount, t.amount)
  if (agreed !== null && total > agreed)
    throw new PayoutError(
      'payout.exceeds-agreed',
      `The schedule would exceed the agreed sum by ${total - agreed} kopecks`,
    )
}

/** Only planned tranches may be edited or deleted. */
export function assertEditable(t: Tranche): void {
  if (t.status !== 'planned')
    throw new PayoutError('payout.already-paid', 'A paid tranche cannot be changed; reopen its task to revert it')
}

export function markPaid(tranches: readonly Tranche[], id: string, on: string, by: number | null): Tranche[] {
  return tranches.map((t) =>
    t.id === id && t.status === 'planned' ? { ...t, status: 'paid', paidOn: on, paidBy: by } : t,
  )
}

export function revertPaid(tranches: readonly Tranche[], id: string): Tranche[] {
  return tranches.map((t) =>
    t.id === id && t.status === 'paid' ? { ...t, status: 'planned', paidOn: null, paidBy: null } : t,
  )
}

/** True when every tranche is paid and the schedule is not empty: the claim can be completed. */
export function allPaid(tranches: readonly Tranche[]): boolean {
  return tranches.length > 0 && tranches.every((t) => t.status === 'paid')
}

/** Tranches whose reminder task is due on `today` (deadline minus `daysBefore`, not yet paid). */
export function tranchesDueForTask(tranches: readonly Tranche[], today: string, daysBefore: number): Tranche[] {
  return tranches.filter(
    (t) => t.status === 'planned' && DateTime.fromISO(t.deadline).minus({ days: daysBefore }).toISODate()! <= today,
  )
}
