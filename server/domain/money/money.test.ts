import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  MAX_KOPECKS,
  MoneyError,
  allocate,
  assertKopecks,
  divRoundHalfUp,
  formatAmount,
  formatRubles,
  mulDivRound,
  parseRubles,
  sumMoney,
} from './index.ts'

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    return e instanceof MoneyError ? e.code : `other: ${String(e)}`
  }
  return 'no error'
}

describe('parseRubles', () => {
  it.each([
    ['500000.00', 50_000_000],
    ['500000', 50_000_000],
    ['500000.5', 50_000_050],
    ['0,01', 1],
    [' 12.34 ', 1234],
    ['0', 0],
    ['-0.00', 0],
  ])('%s -> %i kopecks', (text, kopecks) => expect(parseRubles(text)).toBe(kopecks))

  it('accepts negatives only when allowed', () => {
    expect(codeOf(() => parseRubles('-1.00'))).toBe('money.negative-amount')
    expect(parseRubles('-1.50', { allowNegative: true })).toBe(-150)
  })

  it.each([
    ['1.005', 'money.invalid-amount'],
    ['abc', 'money.invalid-amount'],
    ['', 'money.invalid-amount'],
    ['1e5', 'money.invalid-amount'],
    ['500 000', 'money.invalid-amount'],
    ['NaN', 'money.invalid-amount'],
    ['1.', 'money.invalid-amount'],
    ['10000000000000.01', 'money.out-of-range'],
    ['99999999999999999999', 'money.out-of-range'],
  ])('rejects %j with %s', (text, code) => expect(codeOf(() => parseRubles(text))).toBe(code))

  it('accepts the documented maximum exactly', () => {
    expect(parseRubles('10000000000000.00')).toBe(MAX_KOPECKS)
  })
})

describe('assertKopecks', () => {
  it.each([
    [0.5, 'money.invalid-amount'],
    [Number.NaN, 'money.invalid-amount'],
    [-1, 'money.negative-amount'],
    [MAX_KOPECKS + 1, 'money.out-of-range'],
    [2 ** 53, 'money.out-of-range'],
  ])('rejects %s', (value, code) => expect(codeOf(() => assertKopecks(value))).toBe(code))
})

describe('formatting', () => {
  it.each([
    [50_000_000, 'ru', '500 000,00 ₽'],
    [50_000_000, 'en', 'RUB 500,000.00'],
    [6_967_054, 'ru', '69 670,54 ₽'],
    [5, 'en', 'RUB 0.05'],
    [-123_456_789, 'ru', '-1 234 567,89 ₽'],
    [100_000, 'en', 'RUB 1,000.00'],
  ] as const)('%i in %s', (k, lang, text) => expect(formatRubles(k, lang)).toBe(text))

  it('round-trips through parseRubles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_KOPECKS }), (k) => {
        expect(parseRubles(formatAmount(k, 'en').replaceAll(',', ''))).toBe(k)
      }),
    )
  })
})

describe('rounding and sums', () => {
  it('rounds half away from zero', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n)
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n)
    expect(divRoundHalfUp(4n, 3n)).toBe(1n)
    expect(divRoundHalfUp(5n, -3n)).toBe(-2n)
    expect(codeOf(() => divRoundHalfUp(1n, 0n))).toBe('money.division-by-zero')
  })

  it('mulDivRound is exact where floats are not', () => {
    // 500 000 RUB × 16 % × 18 days / 366 = 3 934.426... RUB
    expect(mulDivRound(50_000_000 * 18, 1600, 10_000 * 366)).toBe(393_443)
    // a product beyond 2^53 stays exact
    expect(mulDivRound(999_999_999_999_999, 999_999_999, 999_999_999)).toBe(999_999_999_999_999)
  })

  it('sumMoney adds exactly and checks terms', () => {
    expect(sumMoney([1, 2, 3])).toBe(6)
    expect(sumMoney([])).toBe(0)
    expect(codeOf(() => sumMoney([0.1, 0.2]))).toBe('money.invalid-amount')
  })
})

describe('allocate', () => {
  it('never loses a kopeck', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocate(350_000, [1000, 1000, 1500])).toEqual([100_000, 100_000, 150_000])
    expect(allocate(5, [0, 1])).toEqual([0, 5])
  })

  it('rejects bad parts', () => {
    expect(codeOf(() => allocate(10, []))).toBe('money.invalid-parts')
    expect(codeOf(() => allocate(10, [0, 0]))).toBe('money.invalid-parts')
    expect(codeOf(() => allocate(10, [1, -1]))).toBe('money.invalid-parts')
  })

  it('shares add up to the total and each is within one kopeck of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const shares = allocate(total, weights)
          expect(shares.reduce((s, x) => s + x, 0)).toBe(total)
          const sum = weights.reduce((s, x) => s + x, 0)
          shares.forEach((s, i) => expect(Math.abs(s - (total * weights[i]) / sum)).toBeLessThan(1.0001))
        },
      ),
    )
  })
})
