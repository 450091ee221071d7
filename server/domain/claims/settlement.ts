// A debt-recovery case's settlement schedule (agreed in "Pre-trial settlement"): the debtor pays in
// tranches. Payments made since the schedule was agreed cover its tranches in deadline order; a
// tranche is paid only when covered in full. Pure: kopecks, ISO days.
import type { Tranche } from './payouts.ts'

export interface SettlementState {
  /** Tranche ids that are covered by the money paid since the schedule was agreed. */
  covered: Set<string>
  /** Money paid beyond the covered tranches (counts towards the next one). */
  partial: number
}

/** Which tranches `paidSince` covers, in deadline order (ties by id), each only in full. */
export function coverSettlement(tranches: readonly Tranche[], paidSince: number): SettlementState {
  const ordered = [...tranches].sort((a, b) =>
    a.deadline === b.deadline ? Number(a.id) - Number(b.id) : a.deadline < b.deadline ? -1 : 1,
  )
  let left = Math.max(0, paidSince)
  const covered = new Set<string>()
  for (const t of ordered) {
    if (left < t.amount) break
    covered.add(t.id)
    left -= t.amount
  }
  return { covered, partial: covered.size === ordered.length ? 0 : left }
}

/** Planned tranches whose deadline (already moved to a working day by the caller) is before `today`. */
export function missedTranches(
  tranches: readonly Tranche[],
  covered: Set<string>,
  today: string,
  dueDay: (deadline: string) => string,
): Tranche[] {
  return tranches.filter((t) => !covered.has(t.id) && dueDay(t.deadline) < today)
}
