// App registration, tokens and frame POSTs for the SandboxClient.
import { randomHex } from '../util/ids.ts'
import { issueCode, issuePair, tokenResponse } from '../oauth/tokens.ts'
import { buildFramePostFields, type FramePost } from '../market/frame-post.ts'
import type { Runtime } from '../runtime.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { App } from '../state/types.ts'

export type AppInput = Partial<Omit<App, 'id'>> & { code?: string; scopes?: string[] }

export const DEFAULT_SCOPES = [
  'crm',
  'userfieldconfig',
  'bizproc',
  'placement',
  'task',
  'tasks',
  'im',
  'imopenlines',
  'telephony',
  'user',
  'department',
  'basic',
]

export function registerApp(rt: Runtime, a: AppInput): App {
  if (a.clientId) {
    const existing = rt.world.appByClientId(a.clientId)
    if (existing) return rt.world.apps.save({ ...existing, ...stripUndefined(a) } as App)
  }
  return rt.world.apps.insert({
    clientId: a.clientId ?? `local.${randomHex(7)}.${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    clientSecret: a.clientSecret ?? randomHex(25),
    code: a.code ?? 'local.app',
    name: a.name ?? 'Local app',
    version: a.version ?? 1,
    scopes: a.scopes ?? DEFAULT_SCOPES,
    appUrl: a.appUrl ?? null,
    installUrl: a.installUrl ?? null,
    eventHandlerUrl: a.eventHandlerUrl ?? null,
    redirectUri: a.redirectUri ?? null,
    status: a.status ?? 'L',
  })
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

export function tokensFor(rt: Runtime, ps: PortalState, app: App, userId: number): Record<string, unknown> {
  if (!ps.installFor(app.id)) throw new Error(`app ${app.id} is not installed on portal ${ps.portal.id}`)
  return tokenResponse(rt.world, rt.endpoints, ps, app, issuePair(rt.world, ps.portal.id, app.id, userId))
}

export function authCodeFor(rt: Runtime, ps: PortalState, app: App, userId: number): string {
  return issueCode(rt.world, ps.portal.id, app.id, userId).value
}

export function framePost(
  rt: Runtime,
  ps: PortalState,
  app: App,
  userId: number,
  placement: string,
  options: Record<string, unknown>,
  handler?: string,
): FramePost {
  const install = ps.installFor(app.id)
  if (!install) throw new Error(`app ${app.id} is not installed on portal ${ps.portal.id}`)
  const user = ps.users.get(userId)
  if (!user) throw new Error(`no user ${userId}`)
  let url = handler
  if (!url && placement === 'DEFAULT')
    url = !install.finished && app.installUrl ? app.installUrl : (app.appUrl ?? undefined)
  if (!url) url = String(ps.placements.find((p) => p.appId === app.id && p.placement === placement)?.handler ?? '')
  if (!url) throw new Error(`no handler for placement ${placement}`)
  return buildFramePostFields({
    portal: ps.portal,
    app,
    install,
    user,
    pair: issuePair(rt.world, ps.portal.id, app.id, userId),
    handler: url,
    placement,
    options,
    serverEndpoint: `${rt.endpoints.oauthBase()}/rest/`,
    appSid: randomHex(16),
    tokenLifetimeSec: rt.world.tokenLifetimeSec,
  })
}

/** Make every access token of the portal (optionally of one app) expired now. */
export function expireTokens(rt: Runtime, portalId: number, appId?: number): number {
  let n = 0
  const now = rt.world.clock.now()
  for (const t of rt.world.tokens.values()) {
    if (
      t.kind === 'access' &&
      t.portalId === portalId &&
      (appId === undefined || t.appId === appId) &&
      t.expiresAt > now
    ) {
      t.expiresAt = now - 1
      rt.world.saveToken(t)
      n++
    }
  }
  return n
}
