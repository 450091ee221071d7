import { describe, expect, it } from 'vitest'
import { calculatePenalty } from './calculate-penalty.ts'
import type { PenaltyInput, PenaltyRow } from './types.ts'

// Reference: domain-rules.md 1.5 (500 000 RUB payable by 10.07.2024; 200 000 paid 15.11.2024; rest 20.06.2025).
const reference: Omit<PenaltyInput, 'terms'> = {
  principal: 50_000_000,
  dueDate: '2024-07-10',
  payments: [
    { date: '2024-11-15', amount: 20_000_000 },
    { date: '2025-06-20', amount: 30_000_000 },
  ],
  to: '2025-06-20',
}

type Row = [from: string, to: string, days: number, base: number, rate: string, yearDays: number | null, amount: number]
const brief = (rows: PenaltyRow[]): Row[] =>
  rows.map((r) => [r.from, r.to, r.days, r.base, r.ratePercent, r.yearDays, r.amount])

describe('art. 395 interest', () => {
  it('reproduces the reference example to the kopeck', () => {
    const result = calculatePenalty({ ...reference, terms: { method: '395' } })
    expect(brief(result.rows)).toEqual([
      ['2024-07-11', '2024-07-28', 18, 50_000_000, '16.00', 366, 393_443],
      ['2024-07-29', '2024-09-15', 49, 50_000_000, '18.00', 366, 1_204_918],
      ['2024-09-16', '2024-10-27', 42, 50_000_000, '19.00', 366, 1_090_164],
      ['2024-10-28', '2024-11-15', 19, 50_000_000, '21.00', 366, 545_082],
      ['2024-11-16', '2024-12-31', 46, 30_000_000, '21.00', 366, 791_803],
      ['2025-01-01', '2025-06-08', 159, 30_000_000, '21.00', 365, 2_744_384],
      ['2025-06-09', '2025-06-20', 12, 30_000_000, '20.00', 365, 197_260],
    ])
    expect(result.rows[0].rate).toEqual({ num: 1600, den: 10_000, per: 'year' })
    expect(result.days).toBe(345)
    expect(result.total).toBe(6_967_054)
    expect(result.uncapped).toBe(6_967_054)
    expect([result.start, result.end, result.cap, result.warnings]).toEqual(['2024-07-11', '2025-06-20', null, []])
  })

  it('splits a period crossing 1 January of a leap year into 365 and 366 days', () => {
    const result = calculatePenalty({
      principal: 10_000_000,
      dueDate: '2023-12-20',
      to: '2024-01-10',
      terms: { method: '395' },
    })
    expect(brief(result.rows)).toEqual([
      ['2023-12-21', '2023-12-31', 11, 10_000_000, '16.00', 365, 48_219], // 100 000 × 16 % × 11 / 365 = 482.19...
      ['2024-01-01', '2024-01-10', 10, 10_000_000, '16.00', 366, 43_716], // 100 000 × 16 % × 10 / 366 = 437.158...
    ])
    expect(result.total).toBe(91_935)
  })

  it('counts a partial payment made on a rate-change day on the old base, at the new rate', () => {
    const result = calculatePenalty({
      principal: 50_000_000,
      dueDate: '2024-07-10',
      payments: [{ date: '2024-07-29', amount: 20_000_000 }],
      to: '2024-08-10',
      terms: { method: '395' },
    })
    expect(brief(result.rows)).toEqual([
      ['2024-07-11', '2024-07-28', 18, 50_000_000, '16.00', 366, 393_443],
      ['2024-07-29', '2024-07-29', 1, 50_000_000, '18.00', 366, 24_590], // 500 000 × 18 % / 366 = 245.90
      ['2024-07-30', '2024-08-10', 12, 30_000_000, '18.00', 366, 177_049], // 300 000 × 18 % × 12 / 366 = 1 770.49
    ])
    expect(result.total).toBe(595_082)
  })

  it('accrues nothing inside the 2022 moratorium, unless the debtor opted out', () => {
    const debt = { principal: 10_000_000, dueDate: '2022-03-10', to: '2022-10-31', terms: { method: '395' } } as const
    const result = calculatePenalty(debt)
    expect(brief(result.rows)).toEqual([
      ['2022-03-11', '2022-03-31', 21, 10_000_000, '20.00', 365, 115_068], // 100 000 × 20 % × 21 / 365
      ['2022-04-01', '2022-10-01', 184, 10_000_000, '20.00', 365, 0],
      ['2022-10-02', '2022-10-31', 30, 10_000_000, '7.50', 365, 61_644], // 100 000 × 7.5 % × 30 / 365
    ])
    expect(result.rows[1]).toMatchObject({ accrues: false, windowId: 'moratorium-2022' })
    expect(result.days).toBe(51)
    expect(result.total).toBe(176_712)

    const optedOut = calculatePenalty({ ...debt, optOutWindowIds: ['moratorium-2022'] })
    expect(optedOut.rows.every((r) => r.accrues)).toBe(true)
    expect(optedOut.days).toBe(235)
    expect(optedOut.rows.map((r) => r.ratePercent)).toEqual([
      '20.00',
      '17.00',
      '14.00',
      '11.00',
      '9.50',
      '8.00',
      '7.50',
    ])
    expect(optedOut.total).toBeGreaterThan(result.total)
  })

  it('does not apply the moratorium to obligations that arose from 01.04.2022, and windows are editable', () => {
    const later = calculatePenalty({
      principal: 10_000_000,
      dueDate: '2022-05-10',
      to: '2022-05-31',
      terms: { method: '395' },
    })
    expect(later.rows.every((r) => r.accrues)).toBe(true)
    const custom = calculatePenalty({
      principal: 10_000_000,
      dueDate: '2024-01-09',
      to: '2024-01-20',
      terms: { method: '395' },
      windows: [{ id: 'holiday', label: 'agreed pause', from: '2024-01-15', to: '2024-01-16' }],
    })
    expect(custom.rows.map((r) => [r.from, r.to, r.accrues])).toEqual([
      ['2024-01-10', '2024-01-14', true],
      ['2024-01-15', '2024-01-16', false],
      ['2024-01-17', '2024-01-20', true],
    ])
  })

  it('adds a new charge to the base from its date and splits there', () => {
    const result = calculatePenalty({
      principal: 10_000_000,
      dueDate: '2024-01-09',
      charges: [{ date: '2024-02-01', amount: 5_000_000 }],
      payments: [{ date: '2024-02-05', amount: 15_000_000 }],
      to: '2024-02-10',
      terms: { method: '395' },
    })
    expect(brief(result.rows)).toEqual([
      ['2024-01-10', '2024-01-31', 22, 10_000_000, '16.00', 366, 96_175], // 100 000 × 16 % × 22 / 366 = 961.748
      ['2024-02-01', '2024-02-05', 5, 15_000_000, '16.00', 366, 32_787], // 150 000 × 16 % × 5 / 366 = 327.869
    ])
  })

  it('has no rows when there is no delay, or when the debt was paid on time', () => {
    expect(
      calculatePenalty({ principal: 100, dueDate: '2025-01-10', to: '2025-01-10', terms: { method: '395' } }).rows,
    ).toEqual([])
    const paid = calculatePenalty({
      principal: 100,
      dueDate: '2025-01-10',
      payments: [{ date: '2025-01-10', amount: 100 }],
      to: '2025-02-10',
      terms: { method: '395' },
    })
    expect([paid.rows.length, paid.total, paid.start]).toEqual([0, 0, null])
  })

  it('flags periods before the key-rate wording of art. 395 (01.08.2016)', () => {
    const old = calculatePenalty({
      principal: 10_000_000,
      dueDate: '2016-06-30',
      to: '2016-08-31',
      terms: { method: '395' },
    })
    expect(old.warnings).toEqual(['penalty.before-key-rate-era'])
  })
})
