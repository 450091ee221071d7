// The one way a step is decided: from our tab, from Telegram, or from a stage move in the portal.
// Idempotent and concurrency-safe: the version-conditional commit lets exactly one decision of a
// step through; a second press (same or another person) gets "already decided".
import { ApprovalError, currentStepIndex, decide } from '../../domain/approvals/index.ts'
import type { ApprovalRecord } from '../../storage/repositories/approvals.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { approvalCalendar, approvalRoles, approvalSla } from './approval-settings.ts'
import { commitTransition, type Who } from './approval-transition.ts'

export interface DecideInput {
  memberId: string
  approvalId: number
  /** The step the decider saw (a stale screen or button is then "already decided"). */
  round?: number
  stepIndex?: number
  decision: 'approve' | 'reject'
  actorId: number
  reason?: string | null
}

export type DecideOutcome = { status: 'decided' | 'already-decided'; record: ApprovalRecord }

export async function decideApproval(ports: ApprovalPorts, input: DecideInput, source: string): Promise<DecideOutcome> {
  const [{ calendar }, roles, sla] = await Promise.all([
    approvalCalendar(ports, input.memberId),
    approvalRoles(ports, input.memberId),
    approvalSla(ports, input.memberId),
  ])
  for (let attempt = 0; attempt < 5; attempt++) {
    const record = await ports.approvals.get(input.memberId, input.approvalId)
    if (!record) throw new ApprovalError('approval.not-in-progress', 'No such approval')
    const s = record.state
    const current = currentStepIndex(s)
    const stale =
      (input.round !== undefined && input.round !== s.round) ||
      (input.stepIndex !== undefined && input.stepIndex !== current)
    if (stale || s.status !== 'in-progress') {
      if (attempt > 0 || stale) return { status: 'already-decided', record }
    }
    const t = decide(
      s,
      {
        stepIndex: input.stepIndex ?? current,
        decision: input.decision,
        actorId: input.actorId,
        actorIsOperationsManager: roles.operationsManager === input.actorId,
        reason: input.reason ?? null,
      },
      { cal: calendar, now: ports.now().toISOString(), deadlineRule: { cutoff: sla.cutoff, endOfDay: sla.endOfDay } },
    )
    const who: Who = { actor: `user:${input.actorId}`, source }
    const next = await commitTransition(
      ports,
      { ...record, previous: record },
      t.state,
      t.events,
      who,
      `approval.${input.decision === 'approve' ? 'approved' : 'rejected'}`,
      {
        step: s.steps[current].id,
        reason: input.reason ?? null,
        substitute: s.steps[current].assigneeId !== input.actorId,
      },
    )
    if (next) return { status: 'decided', record: next }
    // someone else committed first: re-read; the step is then usually decided already
    if (input.stepIndex === undefined) input = { ...input, stepIndex: current, round: s.round }
  }
  throw new Error('approval.decide: too much contention')
}
