import { describe, expect, it } from 'vitest'
import { checkCredit, describeCreditVerdict } from './credit-check.ts'

const debt = { totalDebt: 1_550_050, overdueDebt: 1_000_000, oldestOverdueDays: 69 }

describe('checkCredit', () => {
  it('passes exactly at each limit and fails a kopeck or a day over it', () => {
    expect(checkCredit(debt, { maxTotal: 1_550_050, maxOverdue: 1_000_000, maxOverdueDays: 69 }).allowed).toBe(true)
    const v = checkCredit(debt, { maxTotal: 1_550_049, maxOverdue: 999_999, maxOverdueDays: 68 })
    expect(v.breaches.map((b) => b.kind)).toEqual(['total', 'overdue', 'days'])
  })

  it('ignores a limit that is not set', () => {
    expect(checkCredit(debt, { maxTotal: null, maxOverdue: null, maxOverdueDays: 70 })).toEqual({
      allowed: true,
      breaches: [],
    })
  })

  it('says why in the portal language', () => {
    const v = checkCredit(debt, { maxTotal: 100_000_000, maxOverdue: 0, maxOverdueDays: 30 })
    expect(describeCreditVerdict(v, 'en')).toBe(
      'Over the limit: overdue debt RUB 10,000.00 exceeds the limit RUB 0.00; 69 days overdue exceeds the allowed 30 days',
    )
    expect(describeCreditVerdict({ allowed: true, breaches: [] }, 'ru')).toBe('Лимит не превышен')
  })
})
