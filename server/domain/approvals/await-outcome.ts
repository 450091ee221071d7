// What a business process waiting on an approval step (robot approval-await) learns: approved,
// approved by the operations manager after escalation, rejected, or nothing yet (null).
import type { ApprovalState } from './types.ts'

export type AwaitOutcome = 'approved' | 'rejected' | 'escalated' | 'timed-out'

export interface AwaitedStep {
  round: number
  step: number
}

export interface AwaitResult {
  outcome: AwaitOutcome
  decidedBy: number | null
  reason: string
}

export function awaitOutcome(s: ApprovalState, w: AwaitedStep): AwaitResult | null {
  const rejected = s.steps.find((x) => x.status === 'rejected')
  // a newer round means this one ended in a rejection (a restart begins a new round)
  if (s.round !== w.round) return { outcome: 'rejected', decidedBy: null, reason: '' }
  const step = s.steps[w.step]
  if (step?.status === 'approved')
    return { outcome: step.substitute ? 'escalated' : 'approved', decidedBy: step.decidedBy, reason: '' }
  if (s.status === 'rejected')
    return { outcome: 'rejected', decidedBy: rejected?.decidedBy ?? null, reason: rejected?.reason ?? '' }
  if (s.status === 'done' || step?.status === 'skipped')
    return { outcome: 'approved', decidedBy: step?.decidedBy ?? null, reason: '' }
  return null
}
