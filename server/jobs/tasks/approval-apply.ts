import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { approvalPorts } from '../../use-cases/approvals/approval-ports.ts'
import { applyApprovalEvents } from '../../use-cases/approvals/apply-approval-events.ts'
import { APPROVAL_APPLY_JOB, type ApprovalApplyJob } from '../../use-cases/approvals/approval-transition.ts'

export const approvalApplyJob = { name: APPROVAL_APPLY_JOB, retryLimit: 10, retryDelay: 5, expireInSeconds: 300 }

/** Applies one committed approval transition to the portal (every write keyed, so retries are safe). */
export function createApprovalApply(ctx: AppContext) {
  return async (job: JobContext<ApprovalApplyJob>) => applyApprovalEvents(approvalPorts(ctx), job.data)
}
