import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { coverSettlement, missedTranches } from './settlement.ts'
import type { Tranche } from './payouts.ts'

const tr = (id: string, deadline: string, amount: number): Tranche => ({
  id,
  deadline,
  amount,
  status: 'planned',
  paidOn: null,
  paidBy: null,
})
const schedule = [tr('3', '2026-03-31', 150_000), tr('1', '2026-01-31', 100_000), tr('2', '2026-02-28', 100_000)]

describe('settlement schedule coverage', () => {
  it('covers tranches in deadline order, each only in full', () => {
    expect([...coverSettlement(schedule, 0).covered]).toEqual([])
    expect([...coverSettlement(schedule, 99_999).covered]).toEqual([])
    expect(coverSettlement(schedule, 99_999).partial).toBe(99_999)
    expect([...coverSettlement(schedule, 100_000).covered]).toEqual(['1'])
    expect([...coverSettlement(schedule, 250_000).covered]).toEqual(['1', '2'])
    expect(coverSettlement(schedule, 250_000).partial).toBe(50_000)
    expect([...coverSettlement(schedule, 350_000).covered]).toEqual(['1', '2', '3'])
    expect(coverSettlement(schedule, 400_000).partial).toBe(0)
  })
  it('a reversal (less paid than before) uncovers the latest tranches first', () => {
    expect([...coverSettlement(schedule, -5).covered]).toEqual([])
    expect([...coverSettlement(schedule, 200_000).covered]).toEqual(['1', '2'])
  })
  it('never covers more money than was paid, and more money never covers fewer tranches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 10_000_000 })), { maxLength: 12 }),
        fc.nat(200_000_000),
        fc.nat(50_000_000),
        (rows, paid, more) => {
          const list = rows.map(([d, a], i) => tr(String(i + 1), `2026-02-${String(d).padStart(2, '0')}`, a))
          const a = coverSettlement(list, paid)
          const sum = list.filter((t) => a.covered.has(t.id)).reduce((s, t) => s + t.amount, 0)
          expect(sum + a.partial).toBeLessThanOrEqual(paid)
          expect(coverSettlement(list, paid + more).covered.size).toBeGreaterThanOrEqual(a.covered.size)
        },
      ),
    )
  })
  it('a tranche is missed only after its (working) due day', () => {
    const covered = coverSettlement(schedule, 100_000).covered
    const due = (d: string) => (d === '2026-02-28' ? '2026-03-02' : d) // a Saturday moves to Monday
    expect(missedTranches(schedule, covered, '2026-03-02', due).map((t) => t.id)).toEqual([])
    expect(missedTranches(schedule, covered, '2026-03-03', due).map((t) => t.id)).toEqual(['2'])
  })
})
