// One table row per segment, by method. amount = base × rate × days (÷ year length for yearly
// rates), rounded half-up to the kopeck on BigInt.
import { mulDivRound } from '../money/index.ts'
import type { Kopecks } from '../money/index.ts'
import { dateOf, daysInYear, yearOfDay } from './days.ts'
import { keyRateOnDay } from './key-rate-table.ts'
import type { KeyRateTable } from './key-rate-table.ts'
import { assertBasisPoints, formatBasisPoints, formatRatePercent, parsePercent } from './rate.ts'
import type { BasisPoints, ExactRate } from './rate.ts'
import type { PaymentDay, Segment } from './segments.ts'
import type { PenaltyRow, PenaltyTerms } from './types.ts'

type FractionTerms = Extract<PenaltyTerms, { method: 'key-rate-fraction' }>
type FineTerms = Extract<PenaltyTerms, { method: 'fine' }>

interface FractionContext {
  start: number
  toDay: number
  principal: Kopecks
  payments: readonly PaymentDay[]
  warnings: string[]
}

/** The single key rate of a non-periodised fraction; null when the rate follows each period. */
export function fractionRate(terms: FractionTerms, table: KeyRateTable, c: FractionContext): BasisPoints | null {
  if (terms.rateMode === 'periodised') return null
  if (terms.rateMode === 'fixed') return assertBasisPoints(terms.fixedRateBp ?? Number.NaN)
  if (terms.rateMode === 'calculation-date') return keyRateOnDay(table, c.toDay)
  // payment-date: the day of the payment that settled the debt; unpaid -> the calculation day.
  let paid = 0
  for (const p of c.payments) {
    paid += p.amount
    if (paid >= c.principal) return keyRateOnDay(table, p.day)
  }
  c.warnings.push('penalty.rate-on-calculation-date')
  return keyRateOnDay(table, c.toDay)
}

function rowFields(seg: Segment) {
  return { from: dateOf(seg.from), to: dateOf(seg.to), days: seg.to - seg.from + 1, base: seg.base }
}

export function rowOf(terms: PenaltyTerms, seg: Segment, table: KeyRateTable, fixedBp: BasisPoints | null): PenaltyRow {
  const f = rowFields(seg)
  let rate: ExactRate
  let ratePercent: string
  let yearDays: number | null = null
  if (terms.method === '395') {
    const bp = keyRateOnDay(table, seg.from)
    yearDays = daysInYear(yearOfDay(seg.from))
    rate = { num: bp, den: 10_000, per: 'year' }
    ratePercent = formatBasisPoints(bp)
  } else if (terms.method === 'key-rate-fraction') {
    const bp = fixedBp ?? keyRateOnDay(table, seg.from)
    rate = { num: bp, den: 10_000 * terms.fraction, per: 'day' } // num stays the key rate in basis points
    ratePercent = `${formatBasisPoints(bp)} × 1/${terms.fraction}`
  } else if (terms.method === 'per-day') {
    rate = parsePercent(terms.percentPerDay, 'day')
    ratePercent = formatRatePercent(rate)
  } else {
    throw new Error('a fine has no per-day rows')
  }
  if (seg.windowId) return { ...f, rate, ratePercent, yearDays, amount: 0, accrues: false, windowId: seg.windowId }
  const divisor = BigInt(rate.den) * BigInt(yearDays ?? 1)
  const amount = mulDivRound(BigInt(seg.base) * BigInt(f.days), rate.num, divisor)
  return { ...f, rate, ratePercent, yearDays, amount, accrues: true }
}

/** A one-off fine on the debt outstanding when the delay starts; null when nothing is owed then. */
export function fineRow(terms: FineTerms, startDay: number, base: Kopecks): PenaltyRow | null {
  if (base <= 0) return null
  const day = dateOf(startDay)
  if (terms.amount !== undefined) {
    return {
      from: day,
      to: day,
      days: 0,
      base,
      rate: null,
      ratePercent: '—',
      yearDays: null,
      amount: terms.amount,
      accrues: true,
    }
  }
  const rate = parsePercent(terms.percent ?? '', 'day')
  const amount = mulDivRound(base, rate.num, rate.den)
  return {
    from: day,
    to: day,
    days: 0,
    base,
    rate,
    ratePercent: formatRatePercent(rate),
    yearDays: null,
    amount,
    accrues: true,
  }
}
