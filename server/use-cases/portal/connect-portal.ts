// ONAPPINSTALL (or the install page before it): the portal is registered only after the OAuth
// server confirms the refresh token with our client credentials; the answer's member_id and
// client endpoint must match what the call claimed. The NEW pair is stored (refresh rotates).
import type { AppDeps } from '../app-deps.ts'
import type { InboundEvent } from '../../bitrix24/inbound/parse-event.ts'
import { InboundError } from '../../bitrix24/inbound/inbound-error.ts'
import { refreshAtOAuthServer } from '../../bitrix24/client/oauth-refresh.ts'
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import { callWithToken } from '../../bitrix24/client/call-with-token.ts'
import { storedAccessWorks } from './stored-access.ts'

export interface ConnectInput {
  memberId: string
  refreshToken: string
  applicationToken: string | null
  clientEndpoint: string | null
  lang?: string | null
}

export async function connectPortal(ctx: AppDeps, input: ConnectInput): Promise<void> {
  const { clientId, clientSecret, oauthUrl } = ctx.config.b24
  if (!clientId || !clientSecret)
    throw new InboundError(
      503,
      'install.not-configured',
      'B24_CLIENT_ID / B24_CLIENT_SECRET are not configured on this app',
    )
  let answer
  try {
    answer = await refreshAtOAuthServer(oauthUrl, clientId, clientSecret, input.refreshToken)
  } catch (e) {
    const code = e instanceof Bitrix24Error ? e.code : 'oauth.failed'
    ctx.log.warn({ memberId: input.memberId, code }, 'portal.install.unverified')
    throw new InboundError(401, 'install.unverified', 'The OAuth server did not confirm this installation')
  }
  if (
    answer.member_id !== input.memberId ||
    (input.clientEndpoint && answer.client_endpoint !== input.clientEndpoint)
  ) {
    throw new InboundError(401, 'install.mismatch', 'The installation does not match the OAuth server answer')
  }
  const existing = await ctx.repos.portals.get(answer.member_id)
  // Installed and our stored tokens still work: this is no new install. Anyone who opens the app has a
  // refresh token and the application_token (frame POST, reference 1.2), so only an admin's token
  // may replace ours, and the application_token stays the one the install gave us.
  const installed = existing !== null && (await storedAccessWorks(ctx, answer.member_id))
  if (installed) await requireAdmin(ctx, answer, input.memberId)
  const applicationToken = installed
    ? existing.applicationToken
    : (input.applicationToken ?? existing?.applicationToken ?? null)
  await ctx.repos.portals.upsert({
    memberId: answer.member_id,
    domain: new URL(answer.client_endpoint).host,
    clientEndpoint: answer.client_endpoint,
    serverEndpoint: answer.server_endpoint,
    applicationToken,
    licenceFamily: existing?.licenceFamily ?? null,
    appVersion: existing?.appVersion ?? null,
    ...(input.lang ? { lang: input.lang.startsWith('ru') ? 'ru' : 'en' } : {}),
  })
  await ctx.repos.portals.saveTokens(answer.member_id, {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: new Date((answer.expires || ctx.clock.now().getTime() / 1000 + answer.expires_in) * 1000),
    userId: answer.user_id ? Number(answer.user_id) : null,
    scope: answer.scope,
  })
  ;(ctx.b24 as { forget?: (m: string) => void } | undefined)?.forget?.(answer.member_id)
  ctx.portalLookup.invalidate(answer.member_id)
  await ctx.repos.audit.record({
    memberId: answer.member_id,
    actor: 'portal',
    source: 'install',
    action: 'portal.connected',
    details: { domain: new URL(answer.client_endpoint).host },
  })
  ctx.log.info({ memberId: answer.member_id }, 'portal.installed')
  // Licence family picks the rate-limit profile (enterprise 5/250).
  try {
    const client = await ctx.b24!.forPortal(answer.member_id)
    const info = await client.call<{ LICENSE_FAMILY?: string; LANGUAGE_ID?: string }>('app.info')
    await ctx.repos.portals.update(answer.member_id, { licenceFamily: info.LICENSE_FAMILY ?? null })
    ;(ctx.b24 as { forget?: (m: string) => void } | undefined)?.forget?.(answer.member_id)
  } catch (e) {
    ctx.log.warn({ memberId: answer.member_id, err: (e as Error).message }, 'portal.install.app-info-failed')
  }
}

/** The user whose token the install brought must be a portal admin; otherwise it is refused and recorded. */
async function requireAdmin(
  ctx: AppDeps,
  answer: { member_id: string; client_endpoint: string; server_endpoint: string; access_token: string },
  memberId: string,
): Promise<void> {
  const target = {
    memberId,
    domain: new URL(answer.client_endpoint).host,
    clientEndpoint: answer.client_endpoint,
    serverEndpoint: answer.server_endpoint,
  }
  let profile: { ID?: string | number; ADMIN?: boolean } = {}
  try {
    profile = await callWithToken(target, answer.access_token, 'profile', { ...ctx.config.b24, pace: ctx.b24?.pace })
  } catch (e) {
    ctx.log.warn({ memberId, code: (e as { code?: string }).code }, 'portal.install.profile-failed')
  }
  if (profile.ADMIN === true) return
  ctx.log.warn({ memberId, userId: profile.ID ?? null }, 'security.install-takeover-refused')
  await ctx.repos.audit.record({
    memberId,
    actor: profile.ID ? `user:${profile.ID}` : 'portal',
    source: 'install',
    action: 'security.install-takeover-refused',
    details: { reason: 'an install for a connected portal with the token of a user who is not a portal admin' },
  })
  throw new InboundError(
    403,
    'install.not-admin',
    'The app is already installed on this portal; only a portal administrator can reconnect it',
  )
}

export function connectFromEvent(ctx: AppDeps) {
  return async (e: InboundEvent) => {
    if (!e.auth.refreshToken) throw new InboundError(400, 'install.no-tokens', 'ONAPPINSTALL carries no refresh token')
    await connectPortal(ctx, {
      memberId: e.auth.memberId,
      refreshToken: e.auth.refreshToken,
      applicationToken: e.auth.applicationToken,
      clientEndpoint: e.auth.clientEndpoint,
      lang: String(e.data.LANGUAGE_ID ?? '') || null,
    })
  }
}

export function connectFromFrame(ctx: AppDeps) {
  return async (body: Record<string, unknown>) => {
    const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : null)
    const memberId = s('member_id')
    const refresh = s('REFRESH_ID')
    if (!memberId || !refresh)
      throw new InboundError(400, 'install.no-tokens', 'The install page was opened without member_id / REFRESH_ID')
    await connectPortal(ctx, {
      memberId,
      refreshToken: refresh,
      applicationToken: s('APPLICATION_TOKEN'),
      clientEndpoint: null,
      lang: s('LANG'),
    })
  }
}
