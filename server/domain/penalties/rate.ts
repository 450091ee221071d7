// Exact rates. A key rate is an integer number of basis points (hundredths of a percent: 16.5 % =
// 1650). A row's rate is an exact fraction num/den of the base, either per year (divided by the
// year's 365/366 days) or per day. Nothing is ever a float.
import { PenaltyError } from './penalty-error.ts'

export type BasisPoints = number

export interface ExactRate {
  num: number
  den: number
  per: 'year' | 'day'
}

/** 0 % ... 100 % a year for key rates; 0 % ... 100 % a day for contractual rates. */
export const MAX_RATE_BP = 10_000

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b]
  return a
}

export function reduceRate(rate: ExactRate): ExactRate {
  const g = gcd(rate.num, rate.den) || 1
  return { num: rate.num / g, den: rate.den / g, per: rate.per }
}

/** "16.5" / "0.1" / "0,033" (percent, up to 4 decimals) -> the exact fraction of the base. */
export function parsePercent(text: string, per: 'year' | 'day', maxPercent = 100): ExactRate {
  const m = /^(\d{1,3})(?:[.,](\d{1,4}))?$/.exec(String(text).trim())
  if (!m)
    throw new PenaltyError('penalty.invalid-rate', `not a percentage (up to 4 decimals): "${text}"`, { rate: text })
  const decimals = m[2] ?? ''
  const num = Number(m[1] + decimals)
  const den = 100 * 10 ** decimals.length
  if (num > maxPercent * 10 ** decimals.length) {
    throw new PenaltyError('penalty.rate-out-of-range', `rate ${text} % is above ${maxPercent} %`, { rate: text })
  }
  return reduceRate({ num, den, per })
}

export function assertBasisPoints(bp: number): BasisPoints {
  if (!Number.isInteger(bp) || bp < 0 || bp > MAX_RATE_BP) {
    throw new PenaltyError('penalty.rate-out-of-range', `key rate must be 0..${MAX_RATE_BP} basis points, got ${bp}`, {
      bp,
    })
  }
  return bp
}

/** "16.5" -> 1650; at most 2 decimals (key rates are set in hundredths of a percent). */
export function parseBasisPoints(text: string): BasisPoints {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(String(text).trim())
  if (!m)
    throw new PenaltyError('penalty.invalid-rate', `not a key rate in % with up to 2 decimals: "${text}"`, {
      rate: text,
    })
  return assertBasisPoints(Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')))
}

/** 1650 -> "16.50" (always two decimals, dot separator). */
export function formatBasisPoints(bp: BasisPoints): string {
  return `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`
}

/** An exact percentage for display: {1, 1000} -> "0.1", {33, 100000} -> "0.033"; "≈" when it recurs. */
export function formatRatePercent(rate: ExactRate): string {
  const num = BigInt(rate.num) * 100n
  const den = BigInt(rate.den)
  let scale = 0
  while (scale < 8 && (num * 10n ** BigInt(scale)) % den !== 0n) scale++
  const exact = (num * 10n ** BigInt(scale)) % den === 0n
  const s = ((num * 10n ** BigInt(scale)) / den).toString().padStart(scale + 1, '0')
  const text = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`
  return exact ? text : `≈${text}`
}
