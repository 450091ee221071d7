// The app connected to a sandbox portal: sandbox + portal + registered app + an app context whose
// config points at the sandbox's OAuth server; the portal connects itself through ONAPPINSTALL.
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.ts'
import type { PortalInput } from '../../sandbox/admin/seed.ts'
import { createTestContext } from './app.ts'
import { freePort } from './free-port.ts'
import { appClockOf, suiteSandboxClock } from './clock.ts'
import type { Env } from '../../server/config.ts'
import type { Logger } from 'pino'

export const TEST_APP = { clientId: 'local.rc.test', clientSecret: 'rc-test-secret' }

export interface SandboxAppOptions {
  env?: Env
  /** The portal's real rate limits (default: lifted, so tests run at full speed). */
  limits?: boolean
  tokenLifetimeSec?: number
  licenseFamily?: 'pro' | 'ent'
  /** Starts the sandbox (e.g. with the portal pages); default a plain sandbox. */
  start?: (o: SandboxOptions) => Promise<Sandbox>
  portal?: PortalInput
  app?: { clientId: string; clientSecret: string; code?: string; name?: string }
  /** The instant the app and the sandbox clocks start at (default SUITE_NOW); both read the sandbox clock. */
  now?: string | Date
  /** The app's logger (default: silent). */
  log?: Logger
  /** Runs between the install event and the install's finish (the app's own install step). */
  beforeFinish?: (ctx: Awaited<ReturnType<typeof createTestContext>>['ctx'], memberId: string) => Promise<unknown>
}

export async function connectSandboxApp(opts: SandboxAppOptions = {}) {
  const start = opts.start ?? ((o) => startSandbox(o))
  const clock = suiteSandboxClock(opts.now)
  const sb: Sandbox = await start({ tokenLifetimeSec: opts.tokenLifetimeSec ?? 3600, clock })
  const portal = await sb.admin.createPortal({
    title: 'Test portal',
    licenseFamily: opts.licenseFamily,
    ...opts.portal,
  })
  if (!opts.limits) sb.admin.setLimits(portal.id, { burst: 100_000, drain: 100_000 })
  const creds: NonNullable<SandboxAppOptions['app']> = opts.app ?? TEST_APP
  const port = await freePort()
  const t = await createTestContext(
    {
      APP_PORT: String(port),
      APP_BASE_URL: `http://127.0.0.1:${port}`,
      B24_CLIENT_ID: creds.clientId,
      B24_CLIENT_SECRET: creds.clientSecret,
      B24_OAUTH_URL: `${sb.baseUrl}/oauth/token/`,
      ...(opts.limits ? {} : { B24_RATE_LIMIT: '100000/100000' }),
      ...opts.env,
    },
    opts.log,
    { clock: appClockOf(clock) },
  )
  await t.app.listen({ port, host: '127.0.0.1' })
  const appBase = `http://127.0.0.1:${port}`
  const app = sb.admin.registerApp({
    code: creds.code ?? 'rc.app',
    ...(creds.name ? { name: creds.name } : {}),
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    appUrl: `${appBase}/bitrix/placements/admin`,
    installUrl: `${appBase}/bitrix/install`,
    eventHandlerUrl: `${appBase}/bitrix/events`,
  })
  const inst = await sb.admin.installApp(portal.id, app.id)
  // ONAPPINSTALL reached our handler, which verified it at the sandbox's OAuth server and stored
  // the portal with a freshly rotated pair: the real install path.
  if (!(await t.ctx.repos.portals.get(portal.memberId)))
    throw new Error(`the app did not connect on ONAPPINSTALL (application token ${inst.applicationToken.slice(0, 4)}…)`)
  if (opts.beforeFinish) await opts.beforeFinish(t.ctx, portal.memberId)
  sb.admin.finishInstall(portal.id, app.id)
  t.ctx.portalLookup.invalidate(portal.memberId)
  return {
    ...t,
    sb,
    portal,
    sbApp: app,
    appBase,
    memberId: portal.memberId,
    portalId: portal.id,
    // the sandbox first: its in-flight event deliveries would hold the app's close for a minute
    async close() {
      await sb.close()
      await t.dispose()
    },
  }
}
