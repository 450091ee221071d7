import { describe, expect, it } from 'vitest'
import { calculatePenalty } from './calculate-penalty.ts'
import { mergeKeyRates } from './key-rate-table.ts'
import type { PenaltyInput } from './types.ts'

const reference: Omit<PenaltyInput, 'terms'> = {
  principal: 50_000_000,
  dueDate: '2024-07-10',
  payments: [
    { date: '2024-11-15', amount: 20_000_000 },
    { date: '2025-06-20', amount: 30_000_000 },
  ],
  to: '2025-06-20',
}
// 44-FZ style: 300 000 RUB paid 30 days late on 20.06.2025 (reference 1.5).
const late30 = {
  principal: 30_000_000,
  dueDate: '2025-05-21',
  payments: [{ date: '2025-06-20', amount: 30_000_000 }],
  to: '2025-06-20',
}

describe('contractual penalty, % per day', () => {
  it('reference: 0.1 % a day, capped at 10 % of the debt: 129 100 uncapped -> 50 000', () => {
    const r = calculatePenalty({
      ...reference,
      terms: { method: 'per-day', percentPerDay: '0.1', cap: { kind: 'percent', percent: '10' } },
    })
    expect(r.rows.map((x) => [x.days, x.base, x.amount, x.ratePercent, x.yearDays])).toEqual([
      [128, 50_000_000, 6_400_000, '0.1', null],
      [217, 30_000_000, 6_510_000, '0.1', null],
    ])
    expect(r.uncapped).toBe(12_910_000)
    expect(r.cap).toEqual({ limit: 5_000_000, label: '10 % of the debt', applied: true })
    expect(r.total).toBe(5_000_000)
  })

  it.each([
    [{ kind: 'fixed', amount: 10_000_000 } as const, 10_000_000, true],
    [{ kind: 'fixed', amount: 20_000_000 } as const, 12_910_000, false],
    [{ kind: 'percent', percent: '30' } as const, 12_910_000, false],
    [{ kind: 'percent', percent: '25.5' } as const, 12_750_000, true],
  ])('cap %j -> %i (applied: %s)', (cap, total, applied) => {
    const r = calculatePenalty({ ...reference, terms: { method: 'per-day', percentPerDay: '0.1', cap } })
    expect([r.total, r.cap?.applied, r.uncapped]).toEqual([total, applied, 12_910_000])
  })

  it('rounds each row half-up: 0.033 % of 1 234.56 for 3 days = 1.2222... RUB', () => {
    const r = calculatePenalty({
      principal: 123_456,
      dueDate: '2025-03-01',
      to: '2025-03-04',
      terms: { method: 'per-day', percentPerDay: '0.033' },
    })
    expect([r.rows[0].amount, r.rows[0].ratePercent, r.rows[0].rate]).toEqual([
      122,
      '0.033',
      { num: 33, den: 100_000, per: 'day' },
    ])
  })
})

describe('fraction of the key rate', () => {
  it('reference: 1/300 at the rate on the payment day (20 %) = 6 000 RUB', () => {
    const r = calculatePenalty({
      ...late30,
      terms: { method: 'key-rate-fraction', fraction: 300, rateMode: 'payment-date' },
    })
    expect(r.rows.map((x) => [x.from, x.to, x.days, x.ratePercent, x.amount])).toEqual([
      ['2025-05-22', '2025-06-20', 30, '20.00 × 1/300', 600_000],
    ])
    expect(r.rows[0].rate).toEqual({ num: 2000, den: 3_000_000, per: 'day' })
    expect(r.total).toBe(600_000)
    expect(r.rateMode).toBe('payment-date')
  })

  it('periodised 1/300 follows the rate change of 09.06.2025 (21 % then 20 %)', () => {
    const r = calculatePenalty({
      ...late30,
      terms: { method: 'key-rate-fraction', fraction: 300, rateMode: 'periodised' },
    })
    // 300 000 × 21 % / 300 × 18 = 3 780; 300 000 × 20 % / 300 × 12 = 2 400
    expect(r.rows.map((x) => [x.days, x.ratePercent, x.amount])).toEqual([
      [18, '21.00 × 1/300', 378_000],
      [12, '20.00 × 1/300', 240_000],
    ])
    expect(r.total).toBe(618_000)
  })

  it('rate on the calculation date, on the payment day of the LAST payment, and a fixed rate', () => {
    const unpaid = { principal: 30_000_000, dueDate: '2025-05-21', to: '2025-06-20' }
    const calc = calculatePenalty({
      ...unpaid,
      terms: { method: 'key-rate-fraction', fraction: 150, rateMode: 'calculation-date' },
    })
    expect(calc.total).toBe(1_200_000) // 300 000 × 20 % / 150 × 30
    const unpaidPayDate = calculatePenalty({
      ...unpaid,
      terms: { method: 'key-rate-fraction', fraction: 300, rateMode: 'payment-date' },
    })
    expect([unpaidPayDate.total, unpaidPayDate.warnings]).toEqual([600_000, ['penalty.rate-on-calculation-date']])
    const twoPayments = calculatePenalty({
      principal: 30_000_000,
      dueDate: '2025-05-21',
      to: '2025-07-31',
      payments: [
        { date: '2025-06-01', amount: 10_000_000 },
        { date: '2025-07-30', amount: 20_000_000 },
      ],
      terms: { method: 'key-rate-fraction', fraction: 300, rateMode: 'payment-date' },
    })
    expect(twoPayments.rows.every((x) => x.ratePercent === '18.00 × 1/300')).toBe(true) // 18 % from 28.07.2025
    const fixed = calculatePenalty({
      ...unpaid,
      terms: { method: 'key-rate-fraction', fraction: 130, rateMode: 'fixed', fixedRateBp: 950 },
    })
    expect(fixed.total).toBe(657_692) // 300 000 × 9.5 % / 130 × 30 = 6 576.923
  })

  it('uses admin-added key rates', () => {
    const keyRates = mergeKeyRates([{ from: '2026-10-26', bp: 1300 }])
    const r = calculatePenalty({
      principal: 30_000_000,
      dueDate: '2026-10-20',
      to: '2026-10-30',
      keyRates,
      terms: { method: '395' },
    })
    expect(r.rows.map((x) => x.ratePercent)).toEqual(['14.00', '13.00'])
  })
})

describe('fixed fine', () => {
  it('a percent of the debt outstanding when the delay starts, or a fixed sum', () => {
    const pct = calculatePenalty({ ...reference, terms: { method: 'fine', percent: '10' } })
    expect(pct.rows.map((x) => [x.from, x.base, x.amount, x.ratePercent])).toEqual([
      ['2024-07-11', 50_000_000, 5_000_000, '10'],
    ])
    expect(calculatePenalty({ ...reference, terms: { method: 'fine', amount: 500_000 } }).total).toBe(500_000)
    const early = calculatePenalty({
      ...reference,
      payments: [{ date: '2024-07-01', amount: 50_000_000 }],
      terms: { method: 'fine', amount: 500_000 },
    })
    expect(early.total).toBe(0)
  })
})
