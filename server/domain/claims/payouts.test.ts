import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  allPaid,
  assertEditable,
  defaultTrancheDeadline,
  markPaid,
  payoutTotals,
  revertPaid,
  scheduleDifference,
  tranchesDueForTask,
  validateTranche,
  type Tranche,
} from './payouts.ts'

const tr = (id: string, amount: number, deadline: string): Tranche => ({
  id,
  amount,
  deadline,
  status: 'planned',
  paidOn: null,
  paidBy: null,
})
// Seed 003: 3,500 in three tranches of 1,000 / 1,000 / 1,500.
const seed = [tr('a', 100_000, '2025-01-31'), tr('b', 100_000, '2025-02-28'), tr('c', 150_000, '2025-03-31')]

describe('payouts in tranches', () => {
  it('totals the seed scenario: two paid -> 3,500 / 2,000 / 1,500', () => {
    const two = markPaid(markPaid(seed, 'a', '2025-01-30', 5), 'b', '2025-02-27', 5)
    expect(payoutTotals(two)).toEqual({ total: 350_000, paid: 200_000, remaining: 150_000 })
    expect(allPaid(two)).toBe(false)
    expect(allPaid(markPaid(two, 'c', '2025-03-30', 5))).toBe(true)
  })

  it('paying twice or reverting twice changes nothing more', () => {
    const once = markPaid(seed, 'a', '2025-01-30', 5)
    expect(markPaid(once, 'a', '2025-02-01', 9)).toEqual(once)
    const reverted = revertPaid(once, 'a')
    expect(reverted).toEqual(seed)
    expect(revertPaid(reverted, 'a')).toEqual(seed)
  })

  it('says how far the schedule is from the agreed compensation', () => {
    expect(scheduleDifference(seed, 350_000)).toBe(0)
    expect(scheduleDifference(seed, 400_000)).toBe(-50_000)
  })

  it('defaults a deadline to the last day of the month, leap years included', () => {
    expect(defaultTrancheDeadline('2024-02-10')).toBe('2024-02-29')
    expect(defaultTrancheDeadline('2025-02-10')).toBe('2025-02-28')
    expect(defaultTrancheDeadline('2025-12-01')).toBe('2025-12-31')
  })

  it('refuses bad tranches and edits of paid ones', () => {
    expect(() => validateTranche({ amount: 0, deadline: '2025-01-31' })).toThrow(/positive/)
    expect(() => validateTranche({ amount: -5, deadline: '2025-01-31' })).toThrow(/positive/)
    expect(() => validateTranche({ amount: 1.5, deadline: '2025-01-31' })).toThrow(/positive/)
    expect(() => validateTranche({ amount: 10, deadline: '2025-02-30' })).toThrow(/date/)
    expect(() => assertEditable(markPaid(seed, 'a', '2025-01-30', 1)[0])).toThrow(/paid tranche/)
  })

  it('finds tranches whose task is due N days before their deadline', () => {
    expect(tranchesDueForTask(seed, '2025-01-28', 3).map((t) => t.id)).toEqual(['a'])
    expect(tranchesDueForTask(seed, '2025-01-27', 3)).toEqual([])
  })

  it('keeps paid + remaining = total for any schedule and any set of payments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (amounts, paidFlags) => {
          let ts = amounts.map((a, i) => tr(String(i), a, '2025-01-31'))
          ts.forEach((t, i) => {
            if (paidFlags[i]) ts = markPaid(ts, t.id, '2025-01-01', 1)
          })
          const s = payoutTotals(ts)
          return s.paid + s.remaining === s.total && s.total === amounts.reduce((a, b) => a + b, 0)
        },
      ),
    )
  })
})
