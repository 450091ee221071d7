// Which rule, ladder and escalation apply to a receivable: risk segment first (overrides: receivable
// over counterparty), then the most specific narrowing (legal entity, counterparty segment, min debt).
import { DunningError } from './dunning-error.ts'
import type { DunningRules, EscalationStep, Ladder, ReceivableDunning, RiskSegment, SegmentRule } from './types.ts'

export interface AppliedRule {
  rule: SegmentRule
  ladder: Ladder
  escalation: EscalationStep[]
  riskSegment: RiskSegment
  doNotDun: boolean
}

const specificity = (r: SegmentRule) => (r.legalEntity ? 4 : 0) + (r.counterpartySegment ? 2 : 0) + (r.minDebt ? 1 : 0)

export function selectRule(rules: DunningRules, r: ReceivableDunning): AppliedRule {
  const cp = r.counterpartyOverride ?? {}
  const rc = r.receivableOverride ?? {}
  const riskSegment = rc.riskSegment ?? cp.riskSegment ?? r.riskSegment
  const matching = rules.rules
    .filter((x) => x.riskSegment === riskSegment)
    .filter((x) => !x.legalEntity || x.legalEntity === r.legalEntity)
    .filter((x) => !x.counterpartySegment || x.counterpartySegment === r.counterpartySegment)
    .filter((x) => !x.minDebt || r.counterpartyDebt >= x.minDebt)
    .sort((a, b) => specificity(b) - specificity(a) || (b.minDebt ?? 0) - (a.minDebt ?? 0))
  const rule = matching[0]
  if (!rule)
    throw new DunningError('dunning.invalid-rules', `no rule for risk segment "${riskSegment}"`, { riskSegment })
  const ladderId = rc.ladder ?? cp.ladder ?? rule.ladder
  const ladder = rules.ladders.find((l) => l.id === ladderId)
  if (!ladder)
    throw new DunningError('dunning.unknown-ladder', `ladder "${ladderId}" does not exist`, { ladder: ladderId })
  return {
    rule,
    ladder,
    riskSegment,
    escalation: rc.escalation ?? cp.escalation ?? rule.escalation,
    doNotDun: r.doNotDun || Boolean(rc.doNotDun ?? cp.doNotDun),
  }
}
