// Every job the worker runs: its queue definition and its handler factory.
import type { AppContext } from '../../context.ts'
import type { JobHandler, QueueDefinition } from '../queue.ts'
import { eventHandleJob, createEventHandle } from './event-handle.ts'
import { robotRunJob, createRobotRun } from './robot-run.ts'
import { telegramUpdateJob, createTelegramUpdate } from './telegram-update.ts'
import { scheduleTickJob, createScheduleTick } from '../schedule.ts'
import { portalInstallJob, createPortalInstall } from './portal-install.ts'
import { portalPurgeJob, createPortalPurge } from './portal-purge.ts'
import { receivableMirrorJob, createReceivableMirror } from './receivable-mirror.ts'
import { receivableReconcileJob, createReceivableReconcile } from './receivable-reconcile.ts'
import { approvalApplyJob, createApprovalApply } from './approval-apply.ts'
import { approvalSlaJob, createApprovalSla } from './approval-sla.ts'
import { dunningScanJob, createDunningScan } from './dunning-scan.ts'
import { dunningRemindJob, createDunningRemind } from './dunning-remind.ts'
import { dunningEscalateJob, createDunningEscalate } from './dunning-escalate.ts'
import { dunningTaskStepJob, createDunningTaskStep } from './dunning-task-step.ts'
import { dunningReviewQueueJob, createDunningReviewQueue } from './dunning-review-queue.ts'
import { dunningReviewReleaseJob, createDunningReviewRelease } from './dunning-review-release.ts'
import { approvalRecoverJob, createApprovalRecover } from './approval-recover.ts'
import { claimTrancheScanJob, createClaimTrancheScan } from './claim-tranche-scan.ts'
import { statementMatchJob, createStatementMatch } from './statement-match.ts'
import { keyRateRefreshJob, createKeyRateRefresh } from './key-rate-refresh.ts'

export interface JobTask {
  definition: QueueDefinition
  create: (ctx: AppContext) => JobHandler<never>
}

export const jobTasks: JobTask[] = [
  { definition: eventHandleJob, create: createEventHandle as JobTask['create'] },
  { definition: robotRunJob, create: createRobotRun as JobTask['create'] },
  { definition: telegramUpdateJob, create: createTelegramUpdate as JobTask['create'] },
  { definition: scheduleTickJob, create: createScheduleTick as JobTask['create'] },
  { definition: portalInstallJob, create: createPortalInstall as JobTask['create'] },
  { definition: portalPurgeJob, create: createPortalPurge as JobTask['create'] },
  { definition: receivableMirrorJob, create: createReceivableMirror as JobTask['create'] },
  { definition: receivableReconcileJob, create: createReceivableReconcile as JobTask['create'] },
  { definition: approvalApplyJob, create: createApprovalApply as JobTask['create'] },
  { definition: approvalSlaJob, create: createApprovalSla as JobTask['create'] },
  { definition: approvalRecoverJob, create: createApprovalRecover as JobTask['create'] },
  { definition: dunningScanJob, create: createDunningScan as JobTask['create'] },
  { definition: dunningRemindJob, create: createDunningRemind as JobTask['create'] },
  { definition: dunningEscalateJob, create: createDunningEscalate as JobTask['create'] },
  { definition: dunningTaskStepJob, create: createDunningTaskStep as JobTask['create'] },
  { definition: dunningReviewQueueJob, create: createDunningReviewQueue as JobTask['create'] },
  { definition: dunningReviewReleaseJob, create: createDunningReviewRelease as JobTask['create'] },
  { definition: claimTrancheScanJob, create: createClaimTrancheScan as JobTask['create'] },
  { definition: statementMatchJob, create: createStatementMatch as JobTask['create'] },
  { definition: keyRateRefreshJob, create: createKeyRateRefresh as JobTask['create'] },
]
