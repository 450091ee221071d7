// A delayed SLA job fired: re-read the approval and apply what is due now (checks, reminder,
// escalation). A stale timer (the step was decided, paused or restarted) does nothing.
import { currentStepIndex, nextSlaMoment, tickSla } from '../../domain/approvals/index.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { approvalCalendar } from './approval-settings.ts'
import { commitTransition } from './approval-transition.ts'
import { APPROVAL_SLA_JOB, type ApprovalSlaJob } from './apply-approval-events.ts'
import { jobKeys } from '../effect-keys.ts'

export async function tickApprovalSla(
  ports: ApprovalPorts,
  job: ApprovalSlaJob,
): Promise<'stale' | 'ticked' | 'not-yet' | 'conflict'> {
  const record = await ports.approvals.get(job.memberId, job.approvalId)
  if (!record) return 'stale'
  const s = record.state
  if (s.status !== 'in-progress' || s.paused || s.round !== job.round || currentStepIndex(s) !== job.step)
    return 'stale'
  const { calendar } = await approvalCalendar(ports, job.memberId)
  const t = tickSla(s, { cal: calendar, now: ports.now().toISOString() })
  if (t.events.length === 0) {
    // fired early (clock skew): put the timer back at its moment
    const at = nextSlaMoment(calendar, s.steps[job.step])
    if (at)
      await ports.send(APPROVAL_SLA_JOB, job, {
        key: jobKeys.approvalSla(job.memberId, record.id, s.round, job.step, `${at}:retry`),
        startAfter: new Date(at),
        memberId: job.memberId,
      })
    return 'not-yet'
  }
  const next = await commitTransition(
    ports,
    { ...record, previous: record },
    t.state,
    t.events,
    { actor: 'system', source: 'schedule' },
    'approval.sla',
  )
  return next ? 'ticked' : 'conflict'
}
