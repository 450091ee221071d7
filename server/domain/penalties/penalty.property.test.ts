import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { calculatePenalty } from './calculate-penalty.ts'
import { dateOf, dayOf } from './days.ts'
import type { PenaltyTerms } from './types.ts'

const first = dayOf('2016-08-01')
const last = dayOf('2026-11-22')

const termsArb = fc.constantFrom<PenaltyTerms>(
  { method: '395' },
  { method: 'per-day', percentPerDay: '0.1' },
  { method: 'per-day', percentPerDay: '0.033' },
  { method: 'key-rate-fraction', fraction: 300, rateMode: 'periodised' },
  { method: 'key-rate-fraction', fraction: 130, rateMode: 'periodised' },
)

// A debt: principal, due day, up to 3 payments (sum <= principal) within [due - 10, due + 400].
const debtArb = fc
  .record({
    principal: fc.integer({ min: 1, max: 10 ** 12 }),
    due: fc.integer({ min: first, max: last - 500 }),
    payments: fc.array(
      fc.record({ offset: fc.integer({ min: -10, max: 400 }), share: fc.integer({ min: 1, max: 100 }) }),
      { maxLength: 3 },
    ),
    terms: termsArb,
  })
  .map(({ principal, due, payments, terms }) => {
    let left = principal
    const list = payments
      .map((p) => {
        const amount = Math.max(1, Math.floor((left * p.share) / 300))
        left -= amount
        return { date: dateOf(due + p.offset), amount }
      })
      .filter((p) => p.amount > 0 && left >= 0)
    return { principal, dueDate: dateOf(due), due, payments: list, terms }
  })

const lastPaymentDay = (payments: { date: string }[]) => Math.max(-Infinity, ...payments.map((p) => dayOf(p.date)))

describe('penalty properties', () => {
  it('is monotonic in time: a later calculation date never gives less', () => {
    fc.assert(
      fc.property(debtArb, fc.integer({ min: 0, max: 450 }), fc.integer({ min: 0, max: 60 }), (d, t1, extra) => {
        const to1 = Math.max(d.due + t1, lastPaymentDay(d.payments))
        const base = { principal: d.principal, dueDate: d.dueDate, payments: d.payments, terms: d.terms }
        const a = calculatePenalty({ ...base, to: dateOf(to1) })
        const b = calculatePenalty({ ...base, to: dateOf(to1 + extra) })
        expect(b.total).toBeGreaterThanOrEqual(a.total)
      }),
      { numRuns: 300 },
    )
  })

  it('is monotonic in debt: a larger principal with the same payments never gives less', () => {
    fc.assert(
      fc.property(debtArb, fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 450 }), (d, more, t) => {
        const to = dateOf(Math.max(d.due + t, lastPaymentDay(d.payments)))
        const base = { dueDate: d.dueDate, payments: d.payments, terms: d.terms, to }
        const a = calculatePenalty({ ...base, principal: d.principal })
        const b = calculatePenalty({ ...base, principal: d.principal + more })
        expect(b.total).toBeGreaterThanOrEqual(a.total)
      }),
      { numRuns: 300 },
    )
  })

  it('splitting the period at any day changes the sum by at most 1 kopeck (the one split row)', () => {
    fc.assert(
      fc.property(debtArb, fc.integer({ min: 1, max: 450 }), fc.integer({ min: 0, max: 449 }), (d, len, cutAt) => {
        const to = Math.max(d.due + len, lastPaymentDay(d.payments))
        const cut = d.due + 1 + (cutAt % (to - d.due)) // last day of the first piece, in [due + 1, to]
        const base = { principal: d.principal, dueDate: d.dueDate, payments: d.payments, terms: d.terms }
        const whole = calculatePenalty({ ...base, to: dateOf(to) })
        const head = calculatePenalty({
          ...base,
          payments: d.payments.filter((p) => dayOf(p.date) <= cut),
          to: dateOf(cut),
        })
        const tail = cut < to ? calculatePenalty({ ...base, from: dateOf(cut + 1), to: dateOf(to) }) : { total: 0 }
        expect(Math.abs(head.total + tail.total - whole.total)).toBeLessThanOrEqual(1)
        expect(head.rows.length + ('rows' in tail ? tail.rows.length : 0)).toBeLessThanOrEqual(whole.rows.length + 1)
      }),
      { numRuns: 400 },
    )
  })

  it('each row is the exact amount rounded half-up, and the total is the sum of rows', () => {
    fc.assert(
      fc.property(debtArb, fc.integer({ min: 1, max: 450 }), (d, len) => {
        const to = dateOf(Math.max(d.due + len, lastPaymentDay(d.payments)))
        const r = calculatePenalty({
          principal: d.principal,
          dueDate: d.dueDate,
          payments: d.payments,
          terms: d.terms,
          to,
        })
        for (const row of r.rows) {
          if (!row.accrues || !row.rate) continue
          const exact =
            (BigInt(row.base) * BigInt(row.days) * BigInt(row.rate.num) * 2n) /
            (BigInt(row.rate.den) * BigInt(row.yearDays ?? 1))
          expect(BigInt(row.amount)).toBe((exact + 1n) / 2n)
        }
        expect(r.total).toBe(r.rows.reduce((s, x) => s + x.amount, 0))
      }),
      { numRuns: 200 },
    )
  })
})
