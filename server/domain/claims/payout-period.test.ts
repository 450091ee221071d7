import { describe, expect, it } from 'vitest'
import { groupPayouts, resolvePayoutPeriod } from './payout-period.ts'

// Wednesday 9 December 2026
const today = '2026-12-09'

describe('resolvePayoutPeriod', () => {
  it('names: this week (Monday to Sunday), the next 30 days, this month (the default)', () => {
    expect(resolvePayoutPeriod(today, { period: 'this-week' })).toEqual({ from: '2026-12-07', to: '2026-12-13' })
    expect(resolvePayoutPeriod(today, { period: 'next-30-days' })).toEqual({ from: '2026-12-09', to: '2027-01-07' })
    expect(resolvePayoutPeriod(today, {})).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(resolvePayoutPeriod('2028-02-10', { period: 'this-month' })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    })
  })

  it('a chosen range, checked', () => {
    expect(resolvePayoutPeriod(today, { from: '2027-01-01', to: '2027-03-31' })).toEqual({
      from: '2027-01-01',
      to: '2027-03-31',
    })
    for (const [q, message] of [
      [{ from: '2027-01-01' }, 'from and to must both be dates'],
      [{ from: '2027-02-30', to: '2027-03-01' }, 'from and to must both be dates'],
      [{ from: '2027-03-01', to: '2027-02-01' }, 'is after to'],
      [{ from: '2027-01-01', to: '2028-01-02' }, 'at most 366 days'],
      [{ period: 'this-week', from: '2027-01-01', to: '2027-01-02' }, 'not both'],
      [{ period: 'next-year' }, 'period must be one of this-week, next-30-days, this-month'],
    ] as const)
      expect(() => resolvePayoutPeriod(today, q)).toThrow(message)
  })
})

describe('groupPayouts', () => {
  it('sums by day and by case, exact to the kopeck', () => {
    const line = (caseId: number, deadline: string, amount: number) => ({
      caseId,
      itemId: caseId * 10,
      title: `Case ${caseId}`,
      counterpartyName: null,
      deadline,
      amount,
    })
    const g = groupPayouts([line(2, '2026-12-10', 10_01), line(1, '2026-12-11', 5_00), line(2, '2026-12-11', 1)])
    expect(g.byDay).toEqual([
      { day: '2026-12-10', count: 1, amount: 1001 },
      { day: '2026-12-11', count: 2, amount: 501 },
    ])
    expect(g.byCase.map((c) => [c.caseId, c.count, c.amount, c.firstDeadline])).toEqual([
      [2, 2, 1002, '2026-12-10'],
      [1, 1, 500, '2026-12-11'],
    ])
  })
})
