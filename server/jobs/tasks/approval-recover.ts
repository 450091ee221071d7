import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { approvalPorts } from '../../use-cases/approval-ports.ts'
import { recoverApprovals } from '../../use-cases/recover-approvals.ts'

export const approvalRecoverJob = { name: 'approval-recover', retryLimit: 2, retryDelay: 30, expireInSeconds: 300 }

/** Fanned out per portal by the schedule tick: re-applies lost transitions and re-arms SLA timers. */
export function createApprovalRecover(ctx: AppContext) {
  return async (job: JobContext<{ memberId: string; slot: string }>) => {
    await recoverApprovals(approvalPorts(ctx), job.data.memberId, job.data.slot)
  }
}
