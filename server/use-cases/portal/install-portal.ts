// Plan or apply the install manifest for one portal; apply stores the new install-state and is
// audited as `actor` (the admin who clicked it, or 'system' for the job after an update).
import type { AppDeps } from '../app-deps.ts'
import { reconcile, type PlannedOp } from '../../../install/reconcile.ts'
import { webhookMemberId } from '../../bitrix24/client/webhook-portal.ts'
import { forgetConnectionCheck } from './connection-check.ts'

export async function installPortal(
  ctx: AppDeps,
  memberId: string,
  apply: boolean,
  onStep?: (s: string) => void,
  actor = 'system',
): Promise<PlannedOp[]> {
  const portal = await ctx.repos.portals.get(memberId)
  if (!portal) throw new Error(`unknown portal ${memberId}`)
  const client = await ctx.b24!.forPortal(memberId)
  const tokens = await ctx.repos.portals.getTokens(memberId)
  if (!ctx.robotCatalog) throw new Error('the robot catalog is not wired (server/wiring.ts)')
  const result = await reconcile(
    {
      client,
      state: await ctx.repos.installState.get(memberId),
      baseUrl: ctx.config.http.baseUrl,
      appVersion: ctx.config.b24.appVersion,
      lang: portal.lang === 'ru' ? 'ru' : 'en',
      authUserId: tokens?.userId ?? 1,
      robots: ctx.robotCatalog,
      onStep,
      mode: ctx.config.b24.webhookUrl && webhookMemberId(ctx.config.b24.webhookUrl) === memberId ? 'webhook' : 'app',
    },
    apply,
  )
  if (apply) {
    await ctx.repos.installState.save(memberId, {
      ...result.state,
      finishedAt: result.state.finishedAt ?? ctx.clock.now().toISOString(),
    })
    await ctx.repos.portals.update(memberId, { appVersion: ctx.config.b24.appVersion })
    await forgetConnectionCheck(ctx, memberId)
    await ctx.repos.audit.record({
      memberId,
      actor,
      source: 'install',
      action: 'install.applied',
      details: { operations: result.ops.length },
    })
  }
  return result.ops
}
