// Plan or apply removing the app's registrations from one portal (CLI `install uninstall`); with
// purge also our smart processes. Applying marks the portal uninstalled and keeps our data.
import type { AppDeps } from '../app-deps.ts'
import type { PlannedOp } from '../../../install/reconcile.ts'
import { uninstall } from '../../../install/uninstall.ts'
import { webhookMemberId } from '../../bitrix24/client/webhook-portal.ts'

export async function uninstallPortal(
  ctx: AppDeps,
  memberId: string,
  apply: boolean,
  purge: boolean,
): Promise<PlannedOp[]> {
  const state = await ctx.repos.installState.get(memberId)
  const client = await ctx.b24!.forPortal(memberId)
  const webhook = ctx.config.b24.webhookUrl && webhookMemberId(ctx.config.b24.webhookUrl) === memberId
  const ops = await uninstall(
    { client, state, baseUrl: ctx.config.http.baseUrl, purge, mode: webhook ? 'webhook' : 'app' },
    apply,
  )
  if (apply) {
    await ctx.repos.audit.record({
      memberId,
      actor: 'system',
      source: 'cli',
      action: 'install.uninstalled',
      details: { operations: ops.length, purge },
    })
    if (purge) await ctx.repos.installState.delete(memberId)
    else if (state)
      await ctx.repos.installState.save(memberId, { ...state, eventHandlers: [], robots: [], placements: [] })
    await ctx.repos.portals.setStatus(memberId, 'uninstalled', 'uninstalled from the command line')
  }
  return ops
}
