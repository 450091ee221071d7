// The app connected to a sandbox portal: sandbox + portal + registered app + an app context whose
// config points at the sandbox's OAuth server, with the portal's tokens stored as an install would.
import { startSandbox, type Sandbox } from '../../sandbox/index.ts'
import { createTestContext } from './app.ts'
import type { Env } from '../../server/config.ts'

export const TEST_APP = { clientId: 'local.rc.test', clientSecret: 'rc-test-secret' }

export async function connectSandboxApp(opts: { env?: Env; limits?: boolean; tokenLifetimeSec?: number; licenseFamily?: 'pro' | 'ent' } = {}) {
  const sb: Sandbox = await startSandbox({ tokenLifetimeSec: opts.tokenLifetimeSec ?? 3600 })
  const portal = await sb.admin.createPortal({ title: 'Test portal', licenseFamily: opts.licenseFamily })
  if (!opts.limits) sb.admin.setLimits(portal.id, { burst: 100_000, drain: 100_000 })
  const t = await createTestContext({ B24_CLIENT_ID: TEST_APP.clientId, B24_CLIENT_SECRET: TEST_APP.clientSecret, B24_OAUTH_URL: `${sb.baseUrl}/oauth/token/`, ...(opts.limits ? {} : { B24_RATE_LIMIT: '100000/100000' }), ...opts.env })
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const appBase = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`
  const app = sb.admin.registerApp({ code: 'rc.app', ...TEST_APP, appUrl: `${appBase}/bitrix/placements/admin`, installUrl: `${appBase}/bitrix/install`, eventHandlerUrl: `${appBase}/bitrix/events` })
  const inst = await sb.admin.installApp(portal.id, app.id)
  sb.admin.finishInstall(portal.id, app.id)
  const tk = inst.tokens as Record<string, string | number>
  await t.ctx.repos.portals.upsert({
    memberId: portal.memberId, domain: portal.domain, clientEndpoint: String(tk.client_endpoint), serverEndpoint: String(tk.server_endpoint),
    applicationToken: inst.applicationToken, licenceFamily: portal.licenseFamily, appVersion: '1',
  })
  await t.ctx.repos.portals.saveTokens(portal.memberId, {
    accessToken: String(tk.access_token), refreshToken: String(tk.refresh_token), expiresAt: new Date(Number(tk.expires) * 1000), userId: Number(tk.user_id), scope: String(tk.scope),
  })
  t.ctx.portalLookup.invalidate(portal.memberId)
  return {
    ...t, sb, portal, sbApp: app, appBase, memberId: portal.memberId, portalId: portal.id,
    async close() { await t.dispose(); await sb.close() },
  }
}
