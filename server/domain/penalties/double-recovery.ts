// Art. 395(4): art. 395 interest and a contractual penalty (неустойка: per-day, key-rate fraction
// or fine) are not recovered together for the same debt and days unless the contract says so.
import { dayOf } from './days.ts'
import type { LocalDate } from './days.ts'
import { PenaltyError } from './penalty-error.ts'
import type { PenaltyMethod, PenaltyResult } from './types.ts'

export interface AccrualClaim {
  debtId: string
  method: PenaltyMethod
  from: LocalDate
  to: LocalDate
}

export interface DoubleRecoveryOptions {
  /** Debts whose contract expressly allows both (art. 395(4) "unless the contract provides otherwise"). */
  cumulativeAllowedDebtIds?: readonly string[]
}

/** The claim line a calculation stands for; null when it accrued nothing. */
export function accrualClaimOf(debtId: string, result: PenaltyResult): AccrualClaim | null {
  if (!result.start || !result.end) return null
  return { debtId, method: result.method, from: result.start, to: result.end }
}

/** Throws penalty.double-recovery when a claim's accrual set has 395 and a penalty over shared days of one debt. */
export function assertNoDoubleRecovery(claims: readonly AccrualClaim[], options: DoubleRecoveryOptions = {}): void {
  const allowed = new Set(options.cumulativeAllowedDebtIds ?? [])
  const interest = claims.filter((c) => c.method === '395')
  const penalties = claims.filter((c) => c.method !== '395')
  for (const a of interest) {
    if (allowed.has(a.debtId)) continue
    for (const b of penalties) {
      if (b.debtId !== a.debtId) continue
      const overlap = dayOf(a.from, 'from') <= dayOf(b.to, 'to') && dayOf(b.from, 'from') <= dayOf(a.to, 'to')
      if (overlap) {
        throw new PenaltyError(
          'penalty.double-recovery',
          `debt ${a.debtId}: art. 395 interest (${a.from}..${a.to}) and a ${b.method} penalty (${b.from}..${b.to}) for the same days; choose one`,
          { debtId: a.debtId, interest: a, penalty: b },
        )
      }
    }
  }
}
