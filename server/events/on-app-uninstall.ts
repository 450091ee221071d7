// ONAPPUNINSTALL (its application_token already checked by the route). That token is no proof: every
// user who opens the app gets it in the frame POST (reference 1.2). A real uninstall revokes the
// app's access first (1.5), so the event is acted on only when our stored tokens fail; otherwise it
// is forged, changes nothing and is recorded as a security event. The portal is marked uninstalled
// and kept; with CLEAN=1 its data is deleted after the grace period (purge-portal.ts, via the
// schedule tick), and a reinstall before then restores everything.
import type { AppDeps } from '../use-cases/app-deps.ts'
import type { InboundEvent } from '../bitrix24/inbound/parse-event.ts'
import { storedAccessWorks } from '../use-cases/portal/stored-access.ts'

export async function onAppUninstall(ctx: AppDeps, event: InboundEvent, now = ctx.clock.now()): Promise<void> {
  const memberId = event.auth.memberId
  const clean = String(event.data.CLEAN ?? '0') === '1'
  if (await storedAccessWorks(ctx, memberId)) {
    ctx.log.warn({ memberId, clean, userId: event.auth.userId }, 'security.uninstall-forged')
    await ctx.repos.audit.record({
      memberId,
      actor: 'portal',
      source: 'event',
      action: 'security.uninstall-forged',
      details: { clean, reason: 'the app still has API access to the portal' },
    })
    return
  }
  const purgeAfter = clean ? new Date(now.getTime() + ctx.config.b24.uninstallGraceDays * 86_400_000) : null
  await ctx.repos.portals.setStatus(
    memberId,
    'uninstalled',
    clean ? `uninstalled with data deletion after ${purgeAfter!.toISOString()}` : 'uninstalled',
  )
  await ctx.repos.portals.schedulePurge(memberId, purgeAfter)
  ctx.portalLookup.invalidate(memberId)
  ;(ctx.b24 as { forget?: (m: string) => void } | undefined)?.forget?.(memberId)
  await ctx.repos.audit.record({
    memberId,
    actor: 'portal',
    source: 'event',
    action: 'portal.uninstalled',
    details: { clean, purgeAfter: purgeAfter?.toISOString() ?? null },
  })
  ctx.log.info({ memberId, clean }, 'portal.uninstalled')
}
