import type { AppContext } from '../../context.ts'
import { installPortal } from '../../use-cases/portal/install-portal.ts'
import type { JobContext } from '../queue.ts'

/** Reconciles a portal with this build's manifest (queued on the first open after an app update). */
export const portalInstallJob = { name: 'portal-install', retryLimit: 5, retryDelay: 30, expireInSeconds: 900 }

export function createPortalInstall(ctx: AppContext) {
  return async (job: JobContext<{ memberId: string }>) => {
    const portal = await ctx.repos.portals.get(job.data.memberId)
    if (!portal || portal.status !== 'active') return
    const ops = await installPortal(ctx, job.data.memberId, true)
    ctx.log.info(
      { memberId: job.data.memberId, operations: ops.length, version: ctx.config.b24.appVersion },
      'portal.reconciled-after-update',
    )
  }
}
