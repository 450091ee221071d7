import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BUILTIN_KEY_RATES } from './key-rates.ts'
import { builtinKeyRateTable, keyRateOn, mergeKeyRates, rateChangeDays } from './key-rate-table.ts'
import { PenaltyError } from './penalty-error.ts'
import { dayOf } from './days.ts'

const reference = JSON.parse(
  readFileSync(new URL('../../../tests/fixtures/reference/cbr-key-rate.json', import.meta.url), 'utf8'),
) as Array<{ from: string; rate: number }>

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    return e instanceof PenaltyError ? e.code : `other: ${String(e)}`
  }
  return 'no error'
}

describe('built-in key rates', () => {
  it('match the reference data row by row', () => {
    expect(BUILTIN_KEY_RATES.map((r) => ({ from: r.from, rate: r.bp / 100 }))).toEqual(reference)
  })

  it('are ascending without repeats of the same rate', () => {
    const rows = BUILTIN_KEY_RATES
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].from > rows[i - 1].from).toBe(true)
      expect(rows[i].bp).not.toBe(rows[i - 1].bp)
    }
  })

  it.each([
    ['2016-01-01', 1100],
    ['2024-07-28', 1600],
    ['2024-07-29', 1800],
    ['2025-06-08', 2100],
    ['2025-06-09', 2000],
    ['2025-06-20', 2000],
    ['2026-11-22', 1400],
    ['2022-02-28', 2000],
  ])('rate on %s is %i bp', (date, bp) => expect(keyRateOn(builtinKeyRateTable(), date)).toBe(bp))

  it('has no rate before 2013-09-13', () => {
    expect(codeOf(() => keyRateOn(builtinKeyRateTable(), '2013-09-12'))).toBe('penalty.rate-missing')
  })

  it('lists rate changes inside a range', () => {
    const days = rateChangeDays(builtinKeyRateTable(), dayOf('2024-07-11'), dayOf('2025-06-20'))
    expect(days).toEqual(['2024-07-29', '2024-09-16', '2024-10-28', '2025-06-09'].map((d) => dayOf(d)))
  })
})

describe('the key-rate table of domain-rules.md section 2 (copied to tests/fixtures/reference)', () => {
  const section = readFileSync(new URL('../../../tests/fixtures/reference/key-rate-table.md', import.meta.url), 'utf8')
  const rows = [...section.matchAll(/^\| (\d{2})\.(\d{2})\.(\d{4})[^|]*\| (\d+)\.(\d{2}) \|$/gm)]

  it('agrees with the built-in table on every row', () => {
    expect(rows.length).toBeGreaterThanOrEqual(50)
    for (const [, d, m, y, whole, cents] of rows) {
      expect([`${y}-${m}-${d}`, keyRateOn(builtinKeyRateTable(), `${y}-${m}-${d}`)]).toEqual([
        `${y}-${m}-${d}`,
        Number(whole) * 100 + Number(cents),
      ])
      expect(BUILTIN_KEY_RATES.some((r) => r.from === `${y}-${m}-${d}`)).toBe(true)
    }
  })
})

describe('mergeKeyRates (admin additions)', () => {
  it('adds a new decision after the built-in table', () => {
    const table = mergeKeyRates([{ from: '2026-10-26', bp: 1350 }])
    expect(keyRateOn(table, '2026-10-25')).toBe(1400)
    expect(keyRateOn(table, '2026-10-26')).toBe(1350)
    expect(table.rows.length).toBe(BUILTIN_KEY_RATES.length + 1)
  })

  it('lets the admin correct a built-in row and ignores a hold', () => {
    const table = mergeKeyRates([
      { from: '2025-06-09', bp: 2050 },
      { from: '2026-09-14', bp: 1400 },
    ])
    expect(keyRateOn(table, '2025-06-10')).toBe(2050)
    expect(table.rows.length).toBe(BUILTIN_KEY_RATES.length)
  })

  it.each([
    [[{ from: '2026-10-26', bp: 10_001 }], 'penalty.rate-out-of-range'],
    [[{ from: '2026-10-26', bp: -5 }], 'penalty.rate-out-of-range'],
    [[{ from: '2026-10-26', bp: 13.5 }], 'penalty.rate-out-of-range'],
    [
      [
        { from: '2026-10-26', bp: 1350 },
        { from: '2026-10-26', bp: 1300 },
      ],
      'penalty.rate-duplicate',
    ],
    [
      [
        { from: '2026-12-21', bp: 1300 },
        { from: '2026-10-26', bp: 1350 },
      ],
      'penalty.rate-order',
    ],
    [[{ from: '2026-02-30', bp: 1300 }], 'penalty.invalid-date'],
  ])('rejects %j', (rates, code) => expect(codeOf(() => mergeKeyRates(rates))).toBe(code))
})
