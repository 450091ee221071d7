// Money is an integer number of kopecks (1 RUB = 100 kopecks). A plain number keeps JSON and SQL
// simple; every amount that enters the domain is checked to be a safe integer within MAX_KOPECKS.
import { MoneyError } from './money-error.ts'

export type Kopecks = number

/** 10^15 kopecks = 10 trillion roubles: anything larger is a typo or an attack, never a real debt. */
export const MAX_KOPECKS = 1_000_000_000_000_000

export interface AmountRules {
  /** Allow amounts below zero (corrections, differences). Default false. */
  allowNegative?: boolean
}

export function isKopecks(value: unknown): value is Kopecks {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_KOPECKS
}

/** Returns the amount when it is a valid kopeck amount under the rules, or throws MoneyError. */
export function assertKopecks(value: unknown, rules: AmountRules = {}): Kopecks {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new MoneyError('money.invalid-amount', `not an integer number of kopecks: ${String(value)}`, { value })
  }
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_KOPECKS) {
    throw new MoneyError('money.out-of-range', `amount beyond ${MAX_KOPECKS} kopecks: ${value}`, { value })
  }
  if (value < 0 && !rules.allowNegative) {
    throw new MoneyError('money.negative-amount', `negative amount: ${value}`, { value })
  }
  return value === 0 ? 0 : value // normalise -0
}

/** Converts a BigInt result back to a checked kopeck number. */
export function kopecksFromBigInt(value: bigint, rules: AmountRules = { allowNegative: true }): Kopecks {
  const max = BigInt(MAX_KOPECKS)
  if (value > max || value < -max) {
    throw new MoneyError('money.out-of-range', `amount beyond ${MAX_KOPECKS} kopecks: ${value}`, {
      value: String(value),
    })
  }
  return assertKopecks(Number(value), rules)
}
