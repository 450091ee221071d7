// The app installed into a sandbox portal that serves its own pages (CRM cards with our tabs in
// iframes, as `npm run demo` shows them): connected through ONAPPINSTALL, reconciled by the real
// install, workers running. For browser tests and the tab benchmark.
import { createServer } from 'node:net'
import { startSandbox } from '../../sandbox/index.ts'
import { startSandboxWithPages } from '../../sandbox/portal-page/index.ts'
import { installPortal } from '../../server/use-cases/install-portal.ts'
import { startWorkers } from '../../server/context.ts'
import type { InstallState } from '../../server/bitrix24/install-state.ts'
import type { Env } from '../../server/config.ts'
import { createTestContext } from './app.ts'

const APP = { clientId: 'local.rc.e2e', clientSecret: 'rc-e2e-secret' }

export type PortalPageApp = Awaited<ReturnType<typeof startPortalPageApp>>

export async function startPortalPageApp(opts: { env?: Env } = {}) {
  const sb = await startSandboxWithPages((o) => startSandbox({ ...o, tokenLifetimeSec: 3600 }))
  const portal = await sb.admin.createPortal({ title: 'ООО «Поставщик»', lang: 'ru', timezone: 'Europe/Moscow', admin: { name: 'Ирина', lastName: 'Смирнова', isAdmin: true } })
  sb.admin.setLimits(portal.id, { burst: 100_000, drain: 100_000 })
  const port = await freePort()
  const appBase = `http://127.0.0.1:${port}`
  const t = await createTestContext({ APP_PORT: String(port), APP_BASE_URL: appBase, B24_CLIENT_ID: APP.clientId, B24_CLIENT_SECRET: APP.clientSecret,
    B24_OAUTH_URL: `${sb.baseUrl}/oauth/token/`, B24_RATE_LIMIT: '100000/100000', ...opts.env })
  await t.app.listen({ port, host: '127.0.0.1' })
  const sbApp = sb.admin.registerApp({ code: 'receivables.control', name: 'Контроль дебиторки', ...APP, appUrl: `${appBase}/bitrix/placements/admin`, installUrl: `${appBase}/bitrix/install`, eventHandlerUrl: `${appBase}/bitrix/events` })
  await sb.admin.installApp(portal.id, sbApp.id)
  if (!(await t.ctx.repos.portals.get(portal.memberId))) throw new Error('the app did not connect on ONAPPINSTALL')
  await installPortal(t.ctx, portal.memberId, true)
  sb.admin.finishInstall(portal.id, sbApp.id)
  t.ctx.portalLookup.invalidate(portal.memberId)
  await startWorkers(t.ctx)
  const state = (await t.ctx.repos.installState.get(portal.memberId)) as InstallState
  return {
    ...t, sb, portal, sbApp, appBase, state, memberId: portal.memberId, portalId: portal.id,
    receivablesEntityTypeId: state.processes.receivables!.entityTypeId,
    /** The portal's language (the LANG the portal posts into our frames). */
    setLang(lang: 'ru' | 'en') { sb.runtime.world.state(portal.id)!.portal.lang = lang },
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
