import { describe, expect, it } from 'vitest'
import { formatDay, formatMoney, parseMoneyInput } from './format.ts'

describe('UI formatting', () => {
  it('formats kopecks without floating point', () => {
    expect(formatMoney(50000000, 'ru')).toBe('500\u00a0000,00\u00a0₽')
    expect(formatMoney(123456789, 'en')).toBe('₽\u00a01,234,567.89')
    expect(formatMoney(-5, 'ru')).toBe('−0,05\u00a0₽')
  })
  it('parses money input strictly', () => {
    expect(parseMoneyInput('1 234,56')).toBe(123456)
    expect(parseMoneyInput('0.1')).toBe(10)
    expect(parseMoneyInput('0')).toBeNull()
    expect(parseMoneyInput('-5')).toBeNull()
    expect(parseMoneyInput('1.234')).toBeNull()
    expect(parseMoneyInput('abc')).toBeNull()
  })
  it('formats days', () => {
    expect(formatDay('2025-06-16', 'ru')).toBe('16.06.2025')
    expect(formatDay(null, 'en')).toBe('—')
  })
})

describe('months on axes and in tables', () => {
  it('07.2026 in Russian, 2026-07 in English', async () => {
    const { formatMonth } = await import('./format.ts')
    expect(formatMonth('2026-07', 'ru')).toBe('07.2026')
    expect(formatMonth('2026-07', 'en')).toBe('2026-07')
    expect(formatMonth(null, 'ru')).toBe('—')
  })
})
