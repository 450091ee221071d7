// Answers business processes waiting on an approval (robot approval-await) once the awaited step
// is decided, or when their wait times out. Called after every applied approval transition and by
// the periodic approval recovery; every answer is sent once (effects key of the event_token).
import { awaitOutcome, type AwaitResult, type AwaitedStep } from '../../domain/approvals/index.ts'
import { robotWaitsRepository, type RobotWait } from '../../storage/repositories/robot-waits.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { portalClient } from './approval-ports.ts'
import { sendRobotAnswer } from '../portal/send-robot-result.ts'

export const APPROVAL_WAIT = 'approval'

export interface ApprovalWaitData extends AwaitedStep {
  approvalId: number
}

/** The values approval-await returns (also when it answers at once). */
export function approvalAwaitValues(r: AwaitResult) {
  return {
    outcome: r.outcome,
    decidedBy: r.decidedBy ? `user_${r.decidedBy}` : '',
    reason: r.reason,
    success: true,
    errorMessage: '',
  }
}

/** itemId: the waits of one request; null: every approval wait of the portal (timeouts). */
export async function resolveApprovalWaits(
  ports: ApprovalPorts,
  memberId: string,
  itemId: number | null,
): Promise<number> {
  const repo = robotWaitsRepository(ports.db)
  const waits =
    itemId === null
      ? await repo.byKind(memberId, APPROVAL_WAIT)
      : await repo.byRef(memberId, APPROVAL_WAIT, String(itemId))
  let answered = 0
  for (const w of waits) if (await resolveOne(ports, memberId, w as RobotWait<ApprovalWaitData>)) answered++
  return answered
}

async function resolveOne(ports: ApprovalPorts, memberId: string, w: RobotWait<ApprovalWaitData>): Promise<boolean> {
  const record = await ports.approvals.get(memberId, w.data.approvalId)
  let result = record
    ? awaitOutcome(record.state, w.data)
    : { outcome: 'rejected' as const, decidedBy: null, reason: 'the request was deleted' }
  if (!result && w.deadline && w.deadline.getTime() <= ports.now().getTime())
    result = { outcome: 'timed-out', decidedBy: null, reason: '' }
  if (!result) return false
  const client = await portalClient(ports, memberId)
  const log = `Approval ${result.outcome}${result.decidedBy ? ` by user ${result.decidedBy}` : ''}${result.reason ? `: ${result.reason}` : ''}`
  await sendRobotAnswer(ports, client, memberId, { eventToken: w.eventToken, values: approvalAwaitValues(result), log })
  await robotWaitsRepository(ports.db).remove(memberId, w.eventToken)
  ports.log.info({ memberId, robot: w.code, outcome: result.outcome }, 'robot.wait.answered')
  return true
}
