// The key-rate table the engine uses: the built-in rows merged with the rates the admin added
// (new decisions, corrections), validated, plus lookups by date.
import { BUILTIN_KEY_RATES } from './key-rates.ts'
import type { KeyRate } from './key-rates.ts'
import { assertBasisPoints } from './rate.ts'
import type { BasisPoints } from './rate.ts'
import { dayOf } from './days.ts'
import type { LocalDate } from './days.ts'
import { PenaltyError } from './penalty-error.ts'

export interface KeyRateTable {
  readonly rows: readonly KeyRate[]
  /** Day numbers of each row's `from`, parallel to rows. */
  readonly days: readonly number[]
}

function tableOf(rows: readonly KeyRate[]): KeyRateTable {
  return Object.freeze({ rows: Object.freeze([...rows]), days: Object.freeze(rows.map((r) => dayOf(r.from, 'from'))) })
}

/**
 * Merges admin rates into the built-in table. Admin rows must be valid dates, 0..100 % in basis
 * points, strictly ascending and without duplicates among themselves (penalty.rate-order /
 * penalty.rate-duplicate). An admin row on a built-in date replaces that row (a correction); an
 * admin row equal to the row in force adds nothing (a "hold" decision).
 */
export function mergeKeyRates(
  adminRates: readonly KeyRate[] = [],
  builtin: readonly KeyRate[] = BUILTIN_KEY_RATES,
): KeyRateTable {
  const admin = new Map<number, KeyRate>()
  let previous = -Infinity
  for (const rate of adminRates) {
    const day = dayOf(rate.from, 'from')
    assertBasisPoints(rate.bp)
    if (admin.has(day))
      throw new PenaltyError('penalty.rate-duplicate', `two key rates for ${rate.from}`, { from: rate.from })
    if (day < previous)
      throw new PenaltyError('penalty.rate-order', `key rate of ${rate.from} is out of date order`, { from: rate.from })
    previous = day
    admin.set(day, { from: rate.from, bp: rate.bp })
  }
  const byDay = new Map<number, KeyRate>()
  for (const rate of builtin) byDay.set(dayOf(rate.from, 'from'), rate)
  for (const [day, rate] of admin) byDay.set(day, rate)
  const merged: KeyRate[] = []
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const rate = byDay.get(day)!
    if (merged.length > 0 && merged[merged.length - 1].bp === rate.bp) continue
    merged.push(rate)
  }
  return tableOf(merged)
}

let builtinTable: KeyRateTable | undefined
export function builtinKeyRateTable(): KeyRateTable {
  builtinTable ??= tableOf(BUILTIN_KEY_RATES)
  return builtinTable
}

function indexAt(table: KeyRateTable, day: number): number {
  let lo = 0
  let hi = table.days.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (table.days[mid] <= day) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** The key rate in force on a day number; penalty.rate-missing before the table starts. */
export function keyRateOnDay(table: KeyRateTable, day: number): BasisPoints {
  const i = indexAt(table, day)
  if (i < 0) {
    throw new PenaltyError(
      'penalty.rate-missing',
      `no key rate known for day ${day}; the table starts ${table.rows[0]?.from}`,
      { day },
    )
  }
  return table.rows[i].bp
}

export function keyRateOn(table: KeyRateTable, date: LocalDate): BasisPoints {
  return keyRateOnDay(table, dayOf(date))
}

/** Day numbers in (from, to] on which a new key rate takes effect. */
export function rateChangeDays(table: KeyRateTable, from: number, to: number): number[] {
  return table.days.filter((d) => d > from && d <= to)
}
