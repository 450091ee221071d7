import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { approvalPorts } from '../../use-cases/approvals/approval-ports.ts'
import { APPROVAL_SLA_JOB, type ApprovalSlaJob } from '../../use-cases/approvals/apply-approval-events.ts'
import { tickApprovalSla } from '../../use-cases/approvals/tick-approval-sla.ts'

export const approvalSlaJob = { name: APPROVAL_SLA_JOB, retryLimit: 10, retryDelay: 10, expireInSeconds: 120 }

/** One SLA moment of an approval step (scheduled with startAfter); the state is re-checked when it fires. */
export function createApprovalSla(ctx: AppContext) {
  return async (job: JobContext<ApprovalSlaJob>) => {
    const out = await tickApprovalSla(approvalPorts(ctx), job.data)
    ctx.log.debug({ memberId: job.data.memberId, approvalId: job.data.approvalId, out }, 'approval.sla.tick')
  }
}
