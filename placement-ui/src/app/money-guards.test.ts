import { describe, expect, it } from 'vitest'
import { ApiCallError } from './api.ts'
import { advanceOf, guards, isImplausiblePayment, moreThanYearAhead } from './money-guards.ts'
import { guardWords } from './money-guards-i18n.ts'

describe('money guards', () => {
  it('the advance is the part above the remaining debt', () => {
    expect(advanceOf(300_00, 235_179_00)).toBe(0)
    expect(advanceOf(235_179_00, 235_179_00)).toBe(0)
    expect(advanceOf(999_999_999_00, 235_179_00)).toBe(999_764_820_00)
    expect(advanceOf(100_00, 0)).toBe(100_00)
  })

  it('a payment above ten times the invoice amount is implausible', () => {
    expect(isImplausiblePayment(1_000_000, 100_000)).toBe(false)
    expect(isImplausiblePayment(1_000_001, 100_000)).toBe(true)
  })

  it('a date more than a year ahead, 29 February counted to 28 February', () => {
    expect(moreThanYearAhead('2026-06-20', '2025-06-20')).toBe(false)
    expect(moreThanYearAhead('2026-06-21', '2025-06-20')).toBe(true)
    expect(moreThanYearAhead('2025-02-28', '2024-02-29')).toBe(false)
    expect(moreThanYearAhead('2025-03-01', '2024-02-29')).toBe(true)
  })

  it('says how much becomes an advance, in ru with Russian numbers and in en', () => {
    const ru = guards('ru')
      .advance(999_999_999_00, 235_179_00)
      .replace(/\u00a0/g, ' ')
    expect(ru).toContain('999 764 820,00 ₽ станет авансом')
    expect(ru).toContain('(235 179,00 ₽)')
    expect(guards('en').advance(150_00, 100_00)).toContain('₽\u00a050.00 becomes the counterparty’s advance')
    expect(guards('ru').farAhead('2027-01-15')).toContain('15.01.2027')
  })

  it("puts the server's refusal codes into words, keeps other messages", () => {
    const g = guards('ru')
    expect(g.message(new ApiCallError(409, 'payment.exceeds-remaining', 'The payment exceeds…'))).toBe(
      guardWords.ru.srvExceedsRemaining,
    )
    expect(g.message(new ApiCallError(400, 'payout.deadline-past', 'x'))).toBe(guardWords.ru.srvDeadlinePast)
    expect(g.message(new Error('Сеть недоступна'))).toBe('Сеть недоступна')
    expect(Object.keys(guardWords.ru).sort()).toEqual(Object.keys(guardWords.en).sort())
  })
})
