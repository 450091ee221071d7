// Penalty terms as an admin form or an API sends them, turned into clean PenaltyTerms: only the
// fields the method uses are kept, each checked, and the engine is run on a sample debt so terms
// that are stored are terms the engine can apply.
import { MAX_KOPECKS } from '../money/index.ts'
import { calculatePenalty } from './calculate-penalty.ts'
import { PenaltyError } from './penalty-error.ts'
import { parseBasisPoints, parsePercent } from './rate.ts'
import { PENALTY_METHODS, RATE_MODES } from './types.ts'
import type { PenaltyCap, PenaltyMethod, PenaltyTerms, RateMode } from './types.ts'

/** The fractions of the key rate the law uses (1/300, 1/150, 1/130). */
export const KEY_RATE_FRACTIONS: readonly number[] = [300, 150, 130]

const fail = (message: string) => new PenaltyError('penalty.invalid-method', message)

function percentText(v: unknown, what: string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (typeof v !== 'string' || !v.trim()) throw fail(`${what} is required, e.g. "0.1"`)
  return v.trim().replace(',', '.')
}

function kopecks(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0 || v > MAX_KOPECKS) {
    throw new PenaltyError(
      'penalty.invalid-cap',
      `${what} must be a positive whole number of kopecks up to ${MAX_KOPECKS}: ${String(v)}`,
    )
  }
  return v
}

function capOf(v: unknown): PenaltyCap | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'object' || Array.isArray(v))
    throw new PenaltyError(
      'penalty.invalid-cap',
      'cap must be { kind: "percent", percent } or { kind: "fixed", amount }',
    )
  const c = v as Record<string, unknown>
  if (c.kind === 'percent') {
    const percent = percentText(c.percent, 'cap percent')
    const rate = parsePercent(percent, 'day', 1_000)
    if (rate.num === 0)
      throw new PenaltyError(
        'penalty.invalid-cap',
        'a cap of 0 % leaves nothing to claim: remove the cap or give a positive percent',
      )
    return { kind: 'percent', percent }
  }
  if (c.kind === 'fixed') return { kind: 'fixed', amount: kopecks(c.amount, 'cap amount') }
  throw new PenaltyError('penalty.invalid-cap', `cap kind must be "percent" or "fixed": ${String(c.kind)}`)
}

/** Clean terms from raw input; throws a PenaltyError with the reason. */
export function penaltyTermsOf(raw: unknown): PenaltyTerms {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw fail('penalty terms must be an object such as { "method": "per-day", "percentPerDay": "0.1" }')
  const t = raw as Record<string, unknown>
  const method = t.method as PenaltyMethod
  if (!PENALTY_METHODS.includes(method))
    throw fail(`unknown method: ${String(t.method)}; known: ${PENALTY_METHODS.join(', ')}`)
  let terms: PenaltyTerms
  if (method === '395') terms = { method }
  else if (method === 'per-day') {
    const percentPerDay = percentText(t.percentPerDay, 'the rate in % per day')
    if (parsePercent(percentPerDay, 'day').num === 0)
      throw new PenaltyError('penalty.rate-out-of-range', 'a rate of 0 % per day accrues nothing')
    const cap = capOf(t.cap)
    terms = { method, percentPerDay, ...(cap ? { cap } : {}) }
  } else if (method === 'key-rate-fraction') {
    const fraction = Number(t.fraction)
    if (!KEY_RATE_FRACTIONS.includes(fraction))
      throw new PenaltyError(
        'penalty.invalid-fraction',
        `the fraction of the key rate is 1/300, 1/150 or 1/130: ${String(t.fraction)}`,
      )
    const rateMode = t.rateMode as RateMode
    if (!RATE_MODES.includes(rateMode))
      throw fail(`unknown rate mode: ${String(t.rateMode)}; known: ${RATE_MODES.join(', ')}`)
    let fixedRateBp: number | undefined
    if (rateMode === 'fixed') {
      const v = t.fixedRateBp
      fixedRateBp = typeof v === 'number' ? v : typeof v === 'string' ? parseBasisPoints(v) : Number.NaN
      if (!Number.isSafeInteger(fixedRateBp) || fixedRateBp <= 0 || fixedRateBp > 10_000)
        throw new PenaltyError('penalty.rate-out-of-range', 'a fixed key rate is from 0.01 to 100 %')
    }
    const cap = capOf(t.cap)
    terms = {
      method,
      fraction,
      rateMode,
      ...(fixedRateBp !== undefined ? { fixedRateBp } : {}),
      ...(cap ? { cap } : {}),
    }
  } else {
    const hasAmount = t.amount !== undefined && t.amount !== null
    const hasPercent = t.percent !== undefined && t.percent !== null && t.percent !== ''
    if (hasAmount === hasPercent) throw fail('a fine is either a sum or a percent of the debt, exactly one of them')
    terms = hasAmount
      ? { method, amount: kopecks(t.amount, 'the fine') }
      : { method, percent: percentText(t.percent, 'the fine in % of the debt') }
  }
  calculatePenalty({ principal: 10_000_000, dueDate: '2025-01-10', to: '2025-03-10', terms, windows: [] })
  return terms
}
