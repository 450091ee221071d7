// The contractual cap ("not more than 10 % of the debt", or a fixed sum): the claim shows both the
// uncapped figure and the cap that was applied.
import { formatAmount, mulDivRound } from '../money/index.ts'
import type { Kopecks } from '../money/index.ts'
import { formatRatePercent, parsePercent } from './rate.ts'
import type { PenaltyCap, PenaltyTerms } from './types.ts'

export interface CapOutcome {
  cap: { limit: Kopecks; label: string; applied: boolean } | null
  total: Kopecks
}

export function capLimit(cap: PenaltyCap, principal: Kopecks): { limit: Kopecks; label: string } {
  if (cap.kind === 'fixed') return { limit: cap.amount, label: `${formatAmount(cap.amount, 'en')} RUB` }
  const rate = parsePercent(cap.percent, 'day', 1_000)
  return { limit: mulDivRound(principal, rate.num, rate.den), label: `${formatRatePercent(rate)} % of the debt` }
}

export function applyCap(terms: PenaltyTerms, principal: Kopecks, uncapped: Kopecks): CapOutcome {
  const cap = terms.method === 'per-day' || terms.method === 'key-rate-fraction' ? terms.cap : undefined
  if (!cap) return { cap: null, total: uncapped }
  const { limit, label } = capLimit(cap, principal)
  const applied = uncapped > limit
  return { cap: { limit, label, applied }, total: applied ? limit : uncapped }
}
