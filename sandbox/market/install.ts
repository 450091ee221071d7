// Marketplace lifecycle (reference 1.1-1.6): install creates the app's auth on the portal and
// POSTs ONAPPINSTALL; the app is "installed, not finished" until installFinish; uninstall revokes the
// app's tokens, POSTs ONAPPUNINSTALL to bound handlers, then removes its handlers, placements, robots.
import { randomHex } from '../util/ids.ts'
import { issuePair, revokeApp, tokenResponse, type Pair } from '../oauth/tokens.ts'
import { eventBody } from '../events/emit.ts'
import type { Runtime } from '../runtime.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { App, Installation } from '../state/types.ts'

export type InstallResult = { installation: Installation; pair: Pair; tokens: Record<string, unknown> }

export async function installApp(
  rt: Runtime,
  ps: PortalState,
  app: App,
  opts: { userId?: number; reinstall?: boolean } = {},
): Promise<InstallResult> {
  const userId = opts.userId ?? 1
  let inst = ps.installFor(app.id)
  if (inst && opts.reinstall) {
    await uninstallApp(rt, ps, app, { clean: false })
    inst = undefined
  }
  if (!inst) {
    inst = ps.installs.insert({
      appId: app.id,
      applicationToken: randomHex(16),
      installed: true,
      finished: app.installUrl === null,
      installedAt: rt.world.clock.now(),
      version: app.version,
    })
  }
  const pair = issuePair(rt.world, ps.portal.id, app.id, userId)
  if (app.eventHandlerUrl) {
    const body = eventBody(
      rt,
      ps,
      app,
      inst,
      'ONAPPINSTALL',
      { VERSION: String(app.version), ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: ps.portal.lang },
      null,
      null,
    )
    body.auth = { ...(body.auth as Record<string, unknown>), ...installAuth(rt, ps, app, pair) }
    await rt.deliveries.post(ps.portal.id, 'install', 'ONAPPINSTALL', app.eventHandlerUrl, body)
  }
  return { installation: inst, pair, tokens: tokenResponse(rt.world, rt.endpoints, ps, app, pair) }
}

function installAuth(rt: Runtime, ps: PortalState, app: App, pair: Pair): Record<string, unknown> {
  return {
    domain: ps.portal.domain,
    scope: app.scopes.join(','),
    access_token: pair.access.value,
    refresh_token: pair.refresh.value,
    expires: String(Math.floor(pair.access.expiresAt / 1000)),
    expires_in: String(rt.world.tokenLifetimeSec),
    server_endpoint: `${rt.endpoints.oauthBase()}/rest/`,
    status: app.status,
    client_endpoint: rt.endpoints.restBase(ps),
    member_id: ps.portal.memberId,
    user_id: String(pair.access.userId),
  }
}

export function finishInstall(ps: PortalState, appId: number): boolean {
  const inst = ps.installFor(appId)
  if (!inst) return false
  if (!inst.finished) ps.installs.save({ ...inst, finished: true })
  return true
}

export async function uninstallApp(
  rt: Runtime,
  ps: PortalState,
  app: App,
  opts: { clean?: boolean } = {},
): Promise<boolean> {
  const inst = ps.installFor(app.id)
  if (!inst) return false
  // The app's API access is revoked before ONAPPUNINSTALL goes out: the event carries no tokens and
  // the app's stored ones no longer work (api-reference/common/events/on-app-uninstall.md, reference 1.5).
  revokeApp(rt.world, ps.portal.id, app.id)
  const sends: Promise<unknown>[] = []
  for (const b of ps.bindings.filter((b) => b.appId === app.id && b.event === 'ONAPPUNINSTALL' && !b.offline)) {
    const body = eventBody(
      rt,
      ps,
      app,
      inst,
      'ONAPPUNINSTALL',
      { LANGUAGE_ID: ps.portal.lang, CLEAN: opts.clean ? '1' : '0' },
      b.id,
      null,
    )
    sends.push(rt.deliveries.post(ps.portal.id, 'install', 'ONAPPUNINSTALL', String(b.handler), body))
  }
  await Promise.all(sends)
  for (const t of [ps.bindings, ps.placements, ps.robots, ps.offline]) {
    for (const r of t.filter((r) => r.appId === app.id)) t.remove(r.id)
  }
  ps.installs.save({ ...inst, installed: false, finished: false })
  return true
}
