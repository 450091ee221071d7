// Periodic safety net per portal: a transition whose apply job was lost (crash between commit and
// enqueue, or dead-lettered) is applied again (every write in it is keyed), and the SLA timer of
// every running step is armed again (the timer key includes its moment, so nothing doubles).
import { currentStepIndex, nextSlaMoment } from '../../domain/approvals/index.ts'
import { jobKeys } from '../effect-keys.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { approvalCalendar } from './approval-settings.ts'
import { APPROVAL_APPLY_JOB, type ApprovalApplyJob } from './approval-transition.ts'
import { APPROVAL_SLA_JOB, type ApprovalSlaJob } from './apply-approval-events.ts'
import { resolveApprovalWaits } from './resolve-approval-waits.ts'

export async function recoverApprovals(
  ports: ApprovalPorts,
  memberId: string,
  slot: string,
  minAgeSeconds = 300,
): Promise<{ reapplied: number; timers: number }> {
  const now = ports.now()
  const pending = await ports.approvals.pendingOutbox(memberId, minAgeSeconds)
  for (const outboxId of pending) {
    const data: ApprovalApplyJob = { memberId, outboxId }
    await ports.send(APPROVAL_APPLY_JOB, data, { key: jobKeys.approvalApply(memberId, outboxId, slot), memberId })
  }
  const { calendar } = await approvalCalendar(ports, memberId)
  let timers = 0
  for (const r of await ports.approvals.listInProgress(memberId)) {
    const i = currentStepIndex(r.state)
    const at = i >= 0 && !r.state.paused ? nextSlaMoment(calendar, r.state.steps[i]) : null
    if (!at) continue
    const data: ApprovalSlaJob = { memberId, approvalId: r.id, round: r.state.round, step: i }
    const due = Date.parse(at) <= now.getTime()
    // a moment already past is re-armed per slot (its job may have been lost); a future one once
    await ports.send(APPROVAL_SLA_JOB, data, {
      key: jobKeys.approvalSla(memberId, r.id, r.state.round, i, due ? `${at}:${slot}` : at),
      startAfter: new Date(at),
      memberId,
    })
    timers++
  }
  await resolveApprovalWaits(ports, memberId, null)
  if (pending.length) ports.log.warn({ memberId, count: pending.length }, 'approval.recover.reapplied')
  return { reapplied: pending.length, timers }
}
