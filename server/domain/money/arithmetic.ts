// Exact arithmetic on kopecks: sums, a × b / c with half-up rounding on BigInt, and allocation of
// a total over weighted parts without losing or inventing a kopeck.
import { MoneyError } from './money-error.ts'
import { assertKopecks, kopecksFromBigInt } from './kopecks.ts'
import type { Kopecks } from './kopecks.ts'

type Int = number | bigint

function big(value: Int, what: string): bigint {
  if (typeof value === 'bigint') return value
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError('money.invalid-amount', `${what} is not a safe integer: ${value}`, { value })
  }
  return BigInt(value)
}

/** n / d rounded half away from zero (0.5 -> 1, -0.5 -> -1), exact on BigInt. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new MoneyError('money.division-by-zero', 'division by zero')
  if (d < 0n) {
    n = -n
    d = -d
  }
  const negative = n < 0n
  const abs = negative ? -n : n
  const q = (abs * 2n + d) / (2n * d)
  return negative ? -q : q
}

/** round(a × b / c) half-up, exact: the product is never formed in floating point. */
export function mulDivRound(a: Int, b: Int, c: Int): Kopecks {
  return kopecksFromBigInt(divRoundHalfUp(big(a, 'a') * big(b, 'b'), big(c, 'c')))
}

/** Sum of kopeck amounts; every term and the result are checked. */
export function sumMoney(amounts: readonly Kopecks[]): Kopecks {
  let total = 0n
  for (const a of amounts) total += BigInt(assertKopecks(a, { allowNegative: true }))
  return kopecksFromBigInt(total)
}

/**
 * Splits `total` in proportion to `weights` (non-negative integers, not all zero). Shares are
 * floored, then the kopecks left over go one each to the largest remainders (earliest first on a
 * tie), so the shares always add up to `total` exactly. allocate(100, [1, 1, 1]) = [34, 33, 33].
 */
export function allocate(total: Kopecks, weights: readonly Int[]): Kopecks[] {
  assertKopecks(total)
  if (weights.length === 0) throw new MoneyError('money.invalid-parts', 'no parts to allocate to')
  const w = weights.map((x, i) => big(x, `weight ${i}`))
  if (w.some((x) => x < 0n)) throw new MoneyError('money.invalid-parts', 'negative weight', { weights: w.map(String) })
  const sum = w.reduce((s, x) => s + x, 0n)
  if (sum === 0n) throw new MoneyError('money.invalid-parts', 'all weights are zero')
  const t = BigInt(total)
  const shares = w.map((x) => (t * x) / sum)
  const rests = w.map((x, i) => ({ i, rest: (t * x) % sum }))
  let left = t - shares.reduce((s, x) => s + x, 0n)
  rests.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1))
  for (const { i } of rests) {
    if (left === 0n) break
    shares[i] += 1n
    left -= 1n
  }
  return shares.map((s) => Number(s))
}
