import { describe, expect, it } from 'vitest'
import { calculatePenalty } from './calculate-penalty.ts'
import { assertNoDoubleRecovery, accrualClaimOf } from './double-recovery.ts'
import { PenaltyError } from './penalty-error.ts'
import type { PenaltyInput } from './types.ts'

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    return e instanceof PenaltyError ? e.code : `other: ${String(e)}`
  }
  return 'no error'
}

const ok: PenaltyInput = { principal: 10_000_000, dueDate: '2025-01-10', to: '2025-02-10', terms: { method: '395' } }

describe('input validation', () => {
  it.each<[string, Partial<PenaltyInput>, string]>([
    ['negative principal', { principal: -1 }, 'penalty.invalid-principal'],
    ['zero principal', { principal: 0 }, 'penalty.invalid-principal'],
    ['fractional kopecks', { principal: 10.5 }, 'penalty.invalid-principal'],
    ['absurd principal', { principal: 10 ** 16 }, 'penalty.invalid-principal'],
    ['bad due date', { dueDate: '2025-02-30' }, 'penalty.invalid-date'],
    ['bad calculation date', { to: '10.02.2025' }, 'penalty.invalid-date'],
    ['bad payment date', { payments: [{ date: 'yesterday', amount: 100 }] }, 'penalty.invalid-date'],
    ['zero payment', { payments: [{ date: '2025-01-20', amount: 0 }] }, 'penalty.invalid-payment'],
    ['negative payment', { payments: [{ date: '2025-01-20', amount: -100 }] }, 'penalty.invalid-payment'],
    [
      'payments exceed the debt',
      {
        payments: [
          { date: '2025-01-20', amount: 6_000_000 },
          { date: '2025-01-25', amount: 4_000_001 },
        ],
      },
      'penalty.overpayment',
    ],
    [
      'payments exceed the debt with charges',
      { charges: [{ date: '2025-01-15', amount: 100 }], payments: [{ date: '2025-01-20', amount: 10_000_101 }] },
      'penalty.overpayment',
    ],
    ['negative charge', { charges: [{ date: '2025-01-15', amount: -100 }] }, 'penalty.invalid-charge'],
    ['absurd total of charges', { charges: [{ date: '2025-01-15', amount: 10 ** 15 }] }, 'penalty.invalid-charge'],
    ['charge after the calculation date', { charges: [{ date: '2025-02-11', amount: 100 }] }, 'penalty.invalid-charge'],
    [
      'payment after the calculation date',
      { payments: [{ date: '2025-02-11', amount: 100 }] },
      'penalty.payment-after-calculation',
    ],
    ['accrual start before the delay', { from: '2025-01-10' }, 'penalty.invalid-period'],
    ['accrual start after the calculation date', { from: '2025-02-11' }, 'penalty.invalid-period'],
    ['unknown method', { terms: { method: 'usury' } as never }, 'penalty.invalid-method'],
    ['bad per-day rate', { terms: { method: 'per-day', percentPerDay: '0.1%' } }, 'penalty.invalid-rate'],
    ['per-day rate above 100 %', { terms: { method: 'per-day', percentPerDay: '101' } }, 'penalty.rate-out-of-range'],
    ['too precise per-day rate', { terms: { method: 'per-day', percentPerDay: '0.00001' } }, 'penalty.invalid-rate'],
    [
      'negative cap',
      { terms: { method: 'per-day', percentPerDay: '0.1', cap: { kind: 'fixed', amount: -1 } } },
      'penalty.invalid-cap',
    ],
    [
      'fraction 0',
      { terms: { method: 'key-rate-fraction', fraction: 0, rateMode: 'periodised' } },
      'penalty.invalid-fraction',
    ],
    [
      'fraction 1/2.5',
      { terms: { method: 'key-rate-fraction', fraction: 2.5, rateMode: 'periodised' } },
      'penalty.invalid-fraction',
    ],
    [
      'unknown rate mode',
      { terms: { method: 'key-rate-fraction', fraction: 300, rateMode: 'judgment' as never } },
      'penalty.invalid-method',
    ],
    [
      'fixed mode without a rate',
      { terms: { method: 'key-rate-fraction', fraction: 300, rateMode: 'fixed' } },
      'penalty.invalid-method',
    ],
    [
      'fixed rate out of range',
      { terms: { method: 'key-rate-fraction', fraction: 300, rateMode: 'fixed', fixedRateBp: 20_000 } },
      'penalty.rate-out-of-range',
    ],
    [
      'fine with both sum and percent',
      { terms: { method: 'fine', amount: 100, percent: '10' } },
      'penalty.invalid-method',
    ],
    ['fine with neither', { terms: { method: 'fine' } }, 'penalty.invalid-method'],
    ['delay before the key-rate table', { dueDate: '2013-01-01', to: '2013-02-01' }, 'penalty.rate-missing'],
    [
      'window ending before it starts',
      { windows: [{ id: 'w', label: 'w', from: '2025-01-20', to: '2025-01-19' }] },
      'penalty.invalid-window',
    ],
  ])('%s -> %s', (_name, patch, code) => {
    expect(codeOf(() => calculatePenalty({ ...ok, ...patch }))).toBe(code)
  })

  it('accepts the valid base case', () => {
    expect(calculatePenalty(ok).total).toBeGreaterThan(0)
  })
})

describe('395 interest OR contractual penalty per debt', () => {
  const interest = { debtId: 'inv-1', method: '395', from: '2024-07-11', to: '2025-06-20' } as const
  it('throws penalty.double-recovery for both on the same debt and days', () => {
    expect(
      codeOf(() =>
        assertNoDoubleRecovery([
          interest,
          { debtId: 'inv-1', method: 'per-day', from: '2025-06-20', to: '2025-07-01' },
        ]),
      ),
    ).toBe('penalty.double-recovery')
    expect(
      codeOf(() =>
        assertNoDoubleRecovery([interest, { debtId: 'inv-1', method: 'fine', from: '2024-07-11', to: '2024-07-11' }]),
      ),
    ).toBe('penalty.double-recovery')
  })

  it('allows them on different debts, on days that do not overlap, or when the contract allows both', () => {
    expect(() =>
      assertNoDoubleRecovery([
        interest,
        { debtId: 'inv-2', method: 'per-day', from: '2024-07-11', to: '2025-06-20' },
        { debtId: 'inv-1', method: 'key-rate-fraction', from: '2025-06-21', to: '2025-07-01' },
        { debtId: 'inv-1', method: '395', from: '2025-07-02', to: '2025-07-10' },
      ]),
    ).not.toThrow()
    const both = [interest, { debtId: 'inv-1', method: 'per-day', from: '2024-07-11', to: '2025-06-20' } as const]
    expect(() => assertNoDoubleRecovery(both, { cumulativeAllowedDebtIds: ['inv-1'] })).not.toThrow()
  })

  it('builds claim lines from results', () => {
    const claim = accrualClaimOf('inv-1', calculatePenalty(ok))
    expect(claim).toEqual({ debtId: 'inv-1', method: '395', from: '2025-01-11', to: '2025-02-10' })
    const pd = accrualClaimOf('inv-1', calculatePenalty({ ...ok, terms: { method: 'per-day', percentPerDay: '0.1' } }))
    expect(codeOf(() => assertNoDoubleRecovery([claim!, pd!]))).toBe('penalty.double-recovery')
    expect(accrualClaimOf('inv-1', calculatePenalty({ ...ok, to: '2025-01-10' }))).toBeNull()
  })
})
