// Does the app still have API access to a portal with the tokens we stored? A real uninstall revokes
// it before ONAPPUNINSTALL is sent (reference 1.5), and the application_token alone does not prove
// an uninstall or an install: every user who opens the app receives it in the frame POST (1.2).
// app.info with the stored access token; if the portal refuses it, the stored refresh token at the
// OAuth server (a new pair is stored at once: refresh rotates). Unreachable portal: throws (retry).
import type { AppDeps } from '../app-deps.ts'
import { callWithToken, isAuthRefusal } from '../../bitrix24/client/call-with-token.ts'
import { refreshAtOAuthServer } from '../../bitrix24/client/oauth-refresh.ts'

export async function storedAccessWorks(ctx: AppDeps, memberId: string): Promise<boolean> {
  const portal = await ctx.repos.portals.get(memberId)
  const tokens = await ctx.repos.portals.getTokens(memberId)
  if (!portal || !tokens) return false
  const { clientId, clientSecret, oauthUrl } = ctx.config.b24
  try {
    await callWithToken(portal, tokens.accessToken, 'app.info', { ...ctx.config.b24, pace: ctx.b24?.pace })
    return true
  } catch (e) {
    if (!isAuthRefusal(e)) throw e
  }
  if (!clientId || !clientSecret) return false
  try {
    const a = await refreshAtOAuthServer(oauthUrl, clientId, clientSecret, tokens.refreshToken)
    await ctx.repos.portals.saveTokens(memberId, {
      accessToken: a.access_token,
      refreshToken: a.refresh_token,
      expiresAt: new Date((a.expires || ctx.clock.now().getTime() / 1000 + a.expires_in) * 1000),
      userId: tokens.userId,
      scope: a.scope ?? tokens.scope,
    })
    ;(ctx.b24 as { forget?: (m: string) => void } | undefined)?.forget?.(memberId)
    return true
  } catch (e) {
    if (isAuthRefusal(e) || (e as { status?: number }).status === 400) return false
    throw e
  }
}
