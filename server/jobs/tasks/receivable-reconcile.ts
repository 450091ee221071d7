// receivable-reconcile: per portal, fanned out by the schedule (every 15 minutes): re-reads changed
// items since the updatedTime cursor and moves receivables whose due date has passed.
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { everyMinutes, type PortalSchedule } from '../schedule.ts'
import { receivablesPorts } from '../../use-cases/receivables-ports.ts'
import { reconcileReceivables } from '../../use-cases/reconcile-receivables.ts'

export const receivableReconcileJob = { name: 'receivable-reconcile', retryLimit: 3, retryDelay: 30, expireInSeconds: 900 }

/** For server/jobs/schedule.ts `portalSchedules`. */
export const receivableReconcileSchedule: PortalSchedule = { job: receivableReconcileJob.name, slotAt: everyMinutes(15) }

export function createReceivableReconcile(ctx: AppContext) {
  return async (job: JobContext<{ memberId: string; slot?: string }>) => {
    const stats = await reconcileReceivables(receivablesPorts(ctx), job.data.memberId)
    ctx.log.info({ memberId: job.data.memberId, slot: job.data.slot, ...stats }, 'receivable.reconciled')
  }
}
