// The approval tab's view: each step's person, state, times and SLA status, what the caller may
// do, and the audit log.
import {
  canDecide,
  currentStepIndex,
  elapsedMinutes,
  nextSlaMoment,
  slaStatusOf,
} from '../../domain/approvals/index.ts'
import type { ApprovalRecord } from '../../storage/repositories/approvals.ts'
import type { ApprovalViewDto } from '../../../contracts/approvals.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { isProvisionalDeadline } from '../receivables/provisional-deadline.ts'
import { localDateOf } from '../../domain/calendar/index.ts'
import { approvalCalendar, approvalRoles } from './approval-settings.ts'

export async function approvalView(
  ports: ApprovalPorts,
  record: ApprovalRecord,
  viewerId: number,
): Promise<ApprovalViewDto> {
  const s = record.state
  const [{ calendar }, roles, tasks, audit] = await Promise.all([
    approvalCalendar(ports, record.memberId),
    approvalRoles(ports, record.memberId),
    ports.approvals.tasksOf(record.memberId, record.id, s.round),
    ports.audit.list(record.memberId, 'approval', String(record.id), 100),
  ])
  const now = ports.now().toISOString()
  const today = localDateOf(calendar.timezone, ports.now().getTime())
  const current = currentStepIndex(s)
  const isOps = roles.operationsManager === viewerId
  const mayDecide = canDecide(s, viewerId, isOps) && !s.paused
  return {
    id: record.id,
    entityTypeId: record.entityTypeId,
    itemId: record.itemId,
    pipeline: record.pipeline,
    round: s.round,
    status: s.status,
    paused: s.paused,
    currentStep: current < 0 ? null : current,
    steps: s.steps.map((x, index) => ({
      index,
      id: x.id,
      stage: x.stage,
      role: x.role,
      kind: x.kind,
      assigneeId: x.assigneeId,
      status: x.status,
      selfApproval: x.selfApproval,
      startedAt: x.startedAt,
      takenAt: x.takenAt,
      decidedAt: x.decidedAt,
      decidedBy: x.decidedBy,
      substitute: x.substitute,
      reason: x.reason,
      slaStatus: slaStatusOf(x),
      remindedAt: x.remindedAt,
      escalatedAt: x.escalatedAt,
      nextSlaAt: x.status === 'active' ? nextSlaMoment(calendar, x) : null,
      nextSlaProvisional:
        x.status === 'active' && isProvisionalDeadline(calendar, today, nextSlaMoment(calendar, x) ?? null),
      elapsedWorkingMinutes: x.startedAt ? Math.round(elapsedMinutes(calendar, x, now)) : null,
      pausedAt: x.pausedAt,
      pauseReason: x.pauseReason,
    })),
    accounting: {
      deadline: s.accounting.deadline,
      mainDone: s.accounting.mainDone,
      subDone: s.accounting.subDone,
      tasks,
    },
    viewer: {
      userId: viewerId,
      canDecide: mayDecide,
      asSubstitute: mayDecide && s.steps[current]?.assigneeId !== viewerId,
      canTake:
        current >= 0 &&
        s.status === 'in-progress' &&
        s.steps[current].assigneeId === viewerId &&
        !s.steps[current].takenAt,
      canRestart: s.status === 'rejected' && (s.facts.initiatorId === viewerId || isOps),
    },
    audit: audit.map((a) => ({
      id: Number(a.id),
      at: new Date(a.created_at).toISOString(),
      actor: a.actor,
      source: a.source,
      action: a.action,
      details: a.details,
    })),
  }
}
