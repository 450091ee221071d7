// The connection card's "Reconnect": a disconnected portal (its refresh token refused) is connected
// again with the refresh token of the admin's own frame (the portal gives it to the app's page).
// The token is verified at the OAuth server for THIS portal (member_id must match the admin's
// session), its new pair is stored and the portal is active again: the install path, from the card.
import type { AppDeps } from '../app-deps.ts'
import { InboundError } from '../../bitrix24/inbound/inbound-error.ts'
import { connectPortal } from './connect-portal.ts'
import { forgetConnectionCheck } from './connection-check.ts'

export async function reconnectPortal(
  ctx: AppDeps,
  memberId: string,
  actor: string,
  refreshToken: unknown,
): Promise<void> {
  if (typeof refreshToken !== 'string' || !refreshToken.trim() || refreshToken.length > 512)
    throw new InboundError(400, 'connection.invalid', 'refreshToken: the refresh token of the portal frame is required')
  const portal = await ctx.repos.portals.get(memberId)
  if (!portal || portal.status === 'uninstalled')
    throw new InboundError(409, 'connection.uninstalled', 'The app is not installed on this portal')
  try {
    await connectPortal(ctx, {
      memberId,
      refreshToken: refreshToken.trim(),
      applicationToken: null,
      clientEndpoint: portal.clientEndpoint,
    })
  } catch (e) {
    // 401 would make the page refresh its own token and retry: the refusal is a conflict
    if (e instanceof InboundError)
      throw new InboundError(
        409,
        'connection.refused',
        `The portal did not confirm the reconnection (${e.code}); reinstall the app from the portal's Market`,
      )
    throw e
  }
  await forgetConnectionCheck(ctx, memberId)
  await ctx.repos.audit.record({
    memberId,
    actor,
    source: 'admin',
    action: 'portal.reconnected',
    details: { previousReason: portal.statusReason },
  })
  ctx.log.info({ memberId }, 'portal.reconnected')
}
