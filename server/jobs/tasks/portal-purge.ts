import type { AppContext } from '../../context.ts'
import { purgePortal } from '../../use-cases/portal/purge-portal.ts'
import type { JobContext } from '../queue.ts'

/** Deletes an uninstalled portal's data once its grace period is over (queued by the schedule tick). */
export const portalPurgeJob = { name: 'portal-purge', retryLimit: 5, retryDelay: 60, expireInSeconds: 900 }

export function createPortalPurge(ctx: AppContext, now: () => Date = () => ctx.clock.now()) {
  return async (job: JobContext<{ memberId: string }>) => {
    await purgePortal(ctx, job.data.memberId, now())
  }
}
