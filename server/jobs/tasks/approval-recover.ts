import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { approvalPorts } from '../../use-cases/approvals/approval-ports.ts'
import { recoverApprovals } from '../../use-cases/approvals/recover-approvals.ts'
import { reconcileApprovals } from '../../use-cases/approvals/reconcile-approvals.ts'

export const approvalRecoverJob = { name: 'approval-recover', retryLimit: 2, retryDelay: 30, expireInSeconds: 300 }

/** Fanned out per portal by the schedule tick: re-applies lost transitions, re-arms SLA timers and
 * re-reads the approvals whose portal events may have been lost. */
export function createApprovalRecover(ctx: AppContext) {
  return async (job: JobContext<{ memberId: string; slot: string }>) => {
    const ports = approvalPorts(ctx)
    await recoverApprovals(ports, job.data.memberId, job.data.slot)
    if (ctx.b24) await reconcileApprovals(ports, job.data.memberId)
  }
}
