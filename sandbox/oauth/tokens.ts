// Token issue, rotation and the OAuth/auth-block payload shapes (reference 1.3, 1.4, 7.2).
import { newToken, randomHex } from '../util/ids.ts'
import type { World } from '../state/world.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { App, Token } from '../state/types.ts'

export type Pair = { access: Token; refresh: Token }
export type Endpoints = { restBase: (ps: PortalState) => string; oauthBase: () => string }

const REFRESH_LIFETIME_MS = 180 * 86_400_000

export function issuePair(world: World, portalId: number, appId: number, userId: number): Pair {
  const now = world.clock.now()
  const access = world.addToken({
    kind: 'access',
    value: newToken(),
    portalId,
    appId,
    userId,
    expiresAt: now + world.tokenLifetimeSec * 1000,
    usedAt: null,
  })
  const refresh = world.addToken({
    kind: 'refresh',
    value: newToken(),
    portalId,
    appId,
    userId,
    expiresAt: now + REFRESH_LIFETIME_MS,
    usedAt: null,
  })
  return { access, refresh }
}

export function issueCode(world: World, portalId: number, appId: number, userId: number): Token {
  return world.addToken({
    kind: 'code',
    value: randomHex(20),
    portalId,
    appId,
    userId,
    expiresAt: world.clock.now() + 30_000,
    usedAt: null,
  })
}

/** Revoke every token of one app on one portal (uninstall). */
export function revokeApp(world: World, portalId: number, appId: number): void {
  for (const t of world.tokens.values()) if (t.portalId === portalId && t.appId === appId) world.dropToken(t)
}

export function scopeString(app: App): string {
  return app.scopes.join(',')
}

/** The /oauth/token/ answer (reference 1.3). */
export function tokenResponse(
  world: World,
  ends: Endpoints,
  ps: PortalState,
  app: App,
  pair: Pair,
): Record<string, unknown> {
  return {
    access_token: pair.access.value,
    expires: Math.floor(pair.access.expiresAt / 1000),
    expires_in: world.tokenLifetimeSec,
    scope: scopeString(app),
    domain: new URL(ends.oauthBase()).host,
    server_endpoint: `${ends.oauthBase()}/rest/`,
    status: app.status,
    client_endpoint: ends.restBase(ps),
    member_id: ps.portal.memberId,
    user_id: pair.access.userId,
    refresh_token: pair.refresh.value,
  }
}

/** The `auth[...]` block of events and robot calls (reference 7.2 / 8.2). */
export function authBlock(
  world: World,
  ends: Endpoints,
  ps: PortalState,
  app: App,
  applicationToken: string,
  pair: Pair | null,
): Record<string, unknown> {
  const base: Record<string, unknown> = {}
  if (pair) {
    base.access_token = pair.access.value
    base.expires = String(Math.floor(pair.access.expiresAt / 1000))
    base.expires_in = String(world.tokenLifetimeSec)
    base.scope = scopeString(app)
  }
  base.domain = ps.portal.domain
  base.server_endpoint = `${ends.oauthBase()}/rest/`
  if (pair) base.status = app.status
  base.client_endpoint = ends.restBase(ps)
  base.member_id = ps.portal.memberId
  if (pair) {
    base.user_id = String(pair.access.userId)
    base.refresh_token = pair.refresh.value
  }
  base.application_token = applicationToken
  return base
}
