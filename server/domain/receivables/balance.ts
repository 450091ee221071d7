// The balance of a receivable is derived from its ledger entries, never stored on its own terms:
// paid = sum of entries (reversals are negative), remaining = what is still owed, advance = overpayment.
import type { LocalDate } from '../calendar/index.ts'

export interface LedgerEntry {
  id: number
  amount: number
  paidOn: LocalDate
  reversalOf: number | null
}

export interface Balance {
  total: number
  paid: number
  remaining: number
  /** Overpayment: kept as an advance of the counterparty, never dropped. */
  advance: number
  lastPayment: { amount: number; paidOn: LocalDate } | null
}

export function computeBalance(total: number, entries: readonly LedgerEntry[]): Balance {
  let paid = 0
  for (const e of entries) paid += e.amount
  if (!Number.isSafeInteger(paid)) throw new RangeError('ledger sum is not a safe integer')
  const reversed = new Set(entries.filter((e) => e.reversalOf !== null).map((e) => e.reversalOf))
  const live = entries.filter((e) => e.amount > 0 && e.reversalOf === null && !reversed.has(e.id))
  const last = live.reduce<LedgerEntry | null>(
    (a, e) => (!a || e.paidOn > a.paidOn || (e.paidOn === a.paidOn && e.id > a.id) ? e : a),
    null,
  )
  return {
    total,
    paid,
    remaining: Math.max(total - paid, 0),
    advance: Math.max(paid - total, 0),
    lastPayment: last ? { amount: last.amount, paidOn: last.paidOn } : null,
  }
}

/** The entry a reversal would create, or the reason it cannot. */
export function reversalOf(original: LedgerEntry, alreadyReversed: boolean): { amount: number } | { error: string } {
  if (original.reversalOf !== null || original.amount <= 0) return { error: 'a reversal cannot itself be reversed' }
  if (alreadyReversed) return { error: 'this payment has already been reversed' }
  return { amount: -original.amount }
}
