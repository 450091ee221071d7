// npm run demo: the embedded sandbox portal + the app on PGlite, the app installed through the
// Market flow (ONAPPINSTALL -> verified connect -> reconcile -> installFinish), a seeded demo company
// group, and the one URL to open. Data lives in ./data/demo; re-running keeps it.
import { mkdirSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startSandbox } from '../sandbox/index.ts'
import { startSandboxWithPages } from '../sandbox/portal-page/index.ts'
import { loadConfig } from '../server/config.ts'
import { createLogger } from '../server/lib/logger.ts'
import { createContext, startWorkers } from '../server/create-context.ts'
import { wire } from '../server/wiring.ts'
import { buildApp } from '../server/app.ts'
import { installPortal } from '../server/use-cases/portal/install-portal.ts'
import { seedCompanies, seedLedger, seedPortalPeople } from './demo/seed-portal.ts'
import { seedApprovalRequests, seedClaims, seedLegalEntity, seedRoles } from './demo/seed-work.ts'
import { seedDecidedRequests } from './demo/seed-decided.ts'
import { assertPortFree, demoFlags, demoHelp } from './demo/demo-cli.ts'
import { seedCompensation } from './demo/seed-compensation.ts'

// npm run demo -- --help lists the flags (scripts/demo/demo-cli.ts)
const { values: opt } = parseArgs({
  options: Object.fromEntries(Object.entries(demoFlags).map(([k, f]) => [k, { type: f.type, default: f.default }])) as {
    [K in keyof typeof demoFlags]: { type: (typeof demoFlags)[K]['type']; default: (typeof demoFlags)[K]['default'] }
  },
})
if (opt.help) {
  process.stdout.write(demoHelp())
  process.exit(0)
}
const APP_PORT = Number(opt['app-port'])
const PORTAL_PORT = Number(opt['portal-port'])
const ROOT_PORT = Number(opt['sandbox-port'])
const DIR = opt.data!
const APP = { clientId: 'local.rc.demo', clientSecret: 'demo-secret-not-for-production' }
const started = Date.now()
const say = (s: string) => process.stdout.write(`[demo ${((Date.now() - started) / 1000).toFixed(1)}s] ${s}\n`)

// a taken port is one clear line, not a stack trace (the portal's own port is checked when it starts)
const portTaken = (e: unknown) => {
  const err = e as NodeJS.ErrnoException & { port?: number }
  process.stderr.write(
    err.code === 'EADDRINUSE'
      ? `Port ${err.port ?? '?'} is already in use: stop what listens there or pick another port (npm run demo -- --help).\n`
      : `${err.stack ?? err.message}\n`,
  )
  process.exit(1)
}
process.on('uncaughtException', portTaken)
try {
  await assertPortFree(APP_PORT, 'app-port')
  await assertPortFree(ROOT_PORT, 'sandbox-port')
  await assertPortFree(PORTAL_PORT, 'portal-port')
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`)
  process.exit(1)
}
mkdirSync(DIR, { recursive: true })
const sb = await startSandboxWithPages((o) => startSandbox({ ...o, port: ROOT_PORT, persistDir: `${DIR}/sandbox` }))
let portal = sb.admin.portals()[0]
const fresh = !portal
if (!portal) {
  portal = await sb.admin.createPortal({
    title: 'ООО «Ромашка»',
    lang: 'ru',
    timezone: 'Europe/Moscow',
    port: PORTAL_PORT,
    admin: { name: 'Ирина', lastName: 'Смирнова', isAdmin: true },
  })
  seedPortalPeople(sb, portal.id)
}
sb.admin.setLimits(portal.id, { burst: 10_000, drain: 1_000 }) // a demo, not a rate-limit test
say(`sandbox portal at ${portal.origin}`)

const base = `http://127.0.0.1:${APP_PORT}`
const config = loadConfig(undefined, {
  APP_ENV: 'development',
  APP_PORT: String(APP_PORT),
  APP_BASE_URL: base,
  DB_DATA_DIR: `${DIR}/pglite`,
  DATABASE_URL: '',
  LOG_LEVEL: opt['log-level'],
  B24_CLIENT_ID: APP.clientId,
  B24_CLIENT_SECRET: APP.clientSecret,
  B24_OAUTH_URL: `${sb.baseUrl}/oauth/token/`,
  B24_RATE_LIMIT: '5000/500',
})
const ctx = wire(await createContext(config, createLogger(config)))
await startWorkers(ctx)
const app = await buildApp(ctx)
await app.listen({ host: '127.0.0.1', port: APP_PORT })
say(`app at ${base}`)

const sbApp = sb.admin.registerApp({
  code: 'receivables.control',
  name: 'Контроль дебиторки',
  ...APP,
  appUrl: `${base}/bitrix/placements/admin`,
  installUrl: `${base}/bitrix/install`,
  eventHandlerUrl: `${base}/bitrix/events`,
})
if (!(await ctx.repos.portals.get(portal.memberId))) {
  await sb.admin.installApp(portal.id, sbApp.id) // the Market posts ONAPPINSTALL; the app verifies it at the OAuth server
  say('installed from the Market (ONAPPINSTALL verified)')
}
const ops = await installPortal(ctx, portal.memberId, true)
sb.admin.finishInstall(portal.id, sbApp.id)
say(`portal reconciled (${ops.length} changes)`)

if (fresh || !(await ctx.repos.settings.get(portal.memberId, 'demo.seeded'))) {
  const companies = seedCompanies(sb, portal.id)
  const today = new Date().toISOString().slice(0, 10)
  const n = await seedLedger(ctx, portal.memberId, companies, today)
  await seedRoles(ctx, portal.memberId)
  await seedLegalEntity(ctx, portal.memberId)
  const claims =
    (await seedClaims(ctx, portal.memberId)) +
    (await seedCompensation(ctx, sb, portal.id, portal.memberId, [...companies.values()][0].id, today))
  const requests = await seedApprovalRequests(
    ctx,
    sb,
    portal.id,
    portal.memberId,
    [...companies.values()].map((c) => c.id),
  )
  await ctx.repos.settings.set(
    portal.memberId,
    'demo.seeded',
    { at: new Date().toISOString(), invoices: n, claims, requests: requests.count },
    'demo',
  )
  say(
    `seeded 20 counterparties, ${n} invoices, ${claims} claims and ${requests.count} payment requests (the worker mirrors them to the portal in the background)`,
  )
  // one request paid and one rejected, with their route history: people's steps, each after the worker's
  if (requests.paid && requests.rejected)
    void seedDecidedRequests(ctx, sb, portal.id, portal.memberId, { paid: requests.paid, rejected: requests.rejected })
      .then(() => say('a payment request paid and one rejected (their routes are in Payment approval)'))
      .catch((e: unknown) => say(`the paid and rejected demo requests were not finished: ${(e as Error).message}`))
}
const firstCompany = sb.runtime.world.state(portal.id)!.companies.values()[0]
process.stdout.write(
  `\nOpen this URL: ${portal.origin}/crm/company/details/${firstCompany?.id ?? 1}/\n(the portal's Market: ${portal.origin}/marketplace/ · the app's admin page: ${portal.origin}/marketplace/app/${sbApp.id}/)\nPress Ctrl+C to stop.\n`,
)

const stop = async () => {
  await app.close()
  await ctx.close()
  await sb.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
