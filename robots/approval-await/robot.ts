// Holds the business process until the current approval request leaves its step (the app's SLA
// reminds and escalates meanwhile), then returns the outcome and who decided.
import { defineRobot } from '../kit/define-robot.ts'
import { RobotError } from '../kit/types.ts'
import { processItemOf } from '../kit/current-item.ts'
import { addWorkingHours, toEpochMs } from '../../server/domain/calendar/index.ts'
import { awaitOutcome, currentStepIndex } from '../../server/domain/approvals/index.ts'
import { approvalPorts } from '../../server/use-cases/approvals/approval-ports.ts'
import { approvalCalendar } from '../../server/use-cases/approvals/approval-settings.ts'
import {
  APPROVAL_WAIT,
  approvalAwaitValues,
  resolveApprovalWaits,
  type ApprovalWaitData,
} from '../../server/use-cases/approvals/resolve-approval-waits.ts'

export default defineRobot({
  code: 'approval-await',
  name: { ru: 'Дождаться согласования', en: 'Wait for the approval' },
  description: {
    ru: 'Ждёт, пока текущий шаг заявки не будет решён (с напоминаниями и эскалацией по SLA), и возвращает итог и кто решил',
    en: 'Waits until the current step of the request is decided (reminding and escalating on the SLA) and returns the outcome and who decided',
  },
  documents: ['approvals'],
  properties: {
    timeoutHours: {
      name: {
        ru: 'Ждать не дольше, рабочих часов (0 — без ограничения)',
        en: 'Give up after, working hours (0 = never)',
      },
      type: 'int',
      default: 0,
    },
  },
  returnProperties: {
    outcome: {
      name: { ru: 'Итог', en: 'Outcome' },
      type: 'select',
      options: {
        approved: { ru: 'Согласовано', en: 'Approved' },
        rejected: { ru: 'Отклонено', en: 'Rejected' },
        escalated: { ru: 'Согласовано после эскалации', en: 'Approved after escalation' },
        'timed-out': { ru: 'Время ожидания вышло', en: 'Timed out' },
      },
    },
    decidedBy: { name: { ru: 'Кто решил', en: 'Decided by' }, type: 'user' },
    reason: { name: { ru: 'Причина отказа', en: 'Rejection reason' }, type: 'string' },
  },
  async run(input) {
    const { itemId, entityTypeId } = await processItemOf(input, 'approvals')
    const ports = approvalPorts(input.ctx)
    const record = await ports.approvals.getByItem(input.memberId, entityTypeId, itemId)
    if (!record)
      throw new RobotError(
        'robot.no-approval',
        `Request ${itemId} has no approval route yet (fill in the required fields and save it)`,
      )
    const s = record.state
    const i = currentStepIndex(s)
    const data: ApprovalWaitData = {
      approvalId: record.id,
      round: s.round,
      step: i >= 0 ? i : Math.max(0, s.steps.length - 1),
    }
    const now = awaitOutcome(s, data)
    if (now || i < 0) {
      const r = now ?? {
        outcome: s.status === 'rejected' ? ('rejected' as const) : ('approved' as const),
        decidedBy: null,
        reason: '',
      }
      const { success: _s, errorMessage: _e, ...values } = approvalAwaitValues(r)
      return { values, log: `Already decided: ${r.outcome}` }
    }
    const hours = Number(input.properties.timeoutHours ?? 0)
    if (hours < 0 || hours > 10_000)
      throw new RobotError('robot.bad-property', '"timeoutHours" must be between 0 and 10000')
    const { calendar } = await approvalCalendar(ports, input.memberId)
    const deadline = hours > 0 ? new Date(toEpochMs(addWorkingHours(calendar, ports.now().getTime(), hours))) : null
    return {
      values: {},
      log: `Waiting for step ${i + 1} of request ${itemId}`,
      wait: { kind: APPROVAL_WAIT, ref: String(itemId), data, deadline },
    }
  },
  async afterWait(input, wait) {
    await resolveApprovalWaits(approvalPorts(input.ctx), input.memberId, Number(wait.ref))
  },
})
