// The app connected to a sandbox portal: sandbox + portal + registered app + an app context whose
// config points at the sandbox's OAuth server; the portal connects itself through ONAPPINSTALL.
import { createServer } from 'node:net'
import { startSandbox, type Sandbox } from '../../sandbox/index.ts'
import { createTestContext } from './app.ts'
import type { Env } from '../../server/config.ts'

export const TEST_APP = { clientId: 'local.rc.test', clientSecret: 'rc-test-secret' }

export async function connectSandboxApp(opts: { env?: Env; limits?: boolean; tokenLifetimeSec?: number; licenseFamily?: 'pro' | 'ent' } = {}) {
  const sb: Sandbox = await startSandbox({ tokenLifetimeSec: opts.tokenLifetimeSec ?? 3600 })
  const portal = await sb.admin.createPortal({ title: 'Test portal', licenseFamily: opts.licenseFamily })
  if (!opts.limits) sb.admin.setLimits(portal.id, { burst: 100_000, drain: 100_000 })
  const port = await freePort()
  const t = await createTestContext({ APP_PORT: String(port), APP_BASE_URL: `http://127.0.0.1:${port}`, B24_CLIENT_ID: TEST_APP.clientId, B24_CLIENT_SECRET: TEST_APP.clientSecret, B24_OAUTH_URL: `${sb.baseUrl}/oauth/token/`, ...(opts.limits ? {} : { B24_RATE_LIMIT: '100000/100000' }), ...opts.env })
  await t.app.listen({ port, host: '127.0.0.1' })
  const appBase = `http://127.0.0.1:${port}`
  const app = sb.admin.registerApp({ code: 'rc.app', ...TEST_APP, appUrl: `${appBase}/bitrix/placements/admin`, installUrl: `${appBase}/bitrix/install`, eventHandlerUrl: `${appBase}/bitrix/events` })
  const inst = await sb.admin.installApp(portal.id, app.id)
  sb.admin.finishInstall(portal.id, app.id)
  // ONAPPINSTALL reached our handler, which verified it at the sandbox's OAuth server and stored
  // the portal with a freshly rotated pair: the real install path.
  if (!(await t.ctx.repos.portals.get(portal.memberId))) throw new Error(`the app did not connect on ONAPPINSTALL (application token ${inst.applicationToken.slice(0, 4)}…)`)
  t.ctx.portalLookup.invalidate(portal.memberId)
  return {
    ...t, sb, portal, sbApp: app, appBase, memberId: portal.memberId, portalId: portal.id,
    // the sandbox first: its in-flight event deliveries would hold the app's close for a minute
    async close() { await sb.close(); await t.dispose() },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}
