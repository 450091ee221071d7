// The deployment of bench/many-portals.ts: a throw-away PostgreSQL database (h_many_*), one sandbox with
// N portals on the standard plan (each its own origin, OAuth tokens and 2 req/s bucket), ONE HTTP process
// (server/main.ts) and ONE worker process (server/worker-main.ts), and a control context in this process
// (no workers) that reads the database and enqueues the morning the way the schedule tick does.
// Each portal connects itself on ONAPPINSTALL (POSTed to the HTTP process); the install (smart process,
// fields, robots) runs here through installPortal with the portal's limits lifted, and the 100
// receivables are seeded straight into the sandbox's store and our tables (seedDunningPortfolio):
// through REST at 2 req/s that alone would take hours for 1,000 portals. The worker starts after that,
// so the measured morning is the only work it does.
import pg from 'pg'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '../../sandbox/index.ts'
import { loadConfig } from '../../server/config.ts'
import { createContext } from '../../server/create-context.ts'
import { wire } from '../../server/wiring.ts'
import type { AppContext } from '../../server/context.ts'
import { installPortal } from '../../server/use-cases/portal/install-portal.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { portalDay } from '../../server/use-cases/receivables/receivable-calendar.ts'
import type { InstallState, InstalledProcess } from '../../server/bitrix24/install-state.ts'
import { silentLog } from '../../tests/helpers/app.ts'
import { freePort } from '../../tests/helpers/free-port.ts'
import { AppProcess, appEnv } from '../../tests/reliability/cluster/processes.ts'
import { middayZone } from '../../tests/reliability/cluster/world.ts'
import { seedDunningPortfolio } from './seed-dunning.ts'
import { IMAGE_ENV, IMAGE_NODE_ARGS } from './app-process.ts'

const APP = { clientId: 'local.rc.many', clientSecret: 'rc-many-secret' }
/** The standard plan's bucket (sandbox/limits/bucket.ts STANDARD, reference 2.4). */
export const PORTAL_RATE = { drain: 2, burst: 50 }
const LIFTED = { drain: 100_000, burst: 100_000 }

export interface BenchPortal {
  id: number
  memberId: string
  process: InstalledProcess
}

export interface ManyWorld {
  dbName: string
  query: <T extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<T[]>
  sb: Sandbox
  http: AppProcess
  worker: AppProcess
  control: AppContext
  portals: BenchPortal[]
  timezone: string
  startWorker(): Promise<void>
  close(): Promise<void>
}

const adminUrl = () => process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

async function adminRun(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl() })
  await c.connect()
  try {
    await c.query(text)
  } finally {
    await c.end().catch(() => {})
  }
}

async function pool<T>(items: T[], n: number, f: (x: T, i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let i = next++; i < items.length; i = next++) await f(items[i]!, i)
    }),
  )
}

export async function startManyWorld(
  count: number,
  receivablesEach: number,
  log: (s: string) => void,
): Promise<ManyWorld> {
  const dbName = `h_many_${randomBytes(4).toString('hex')}`
  await adminRun(`CREATE DATABASE ${dbName}`)
  const u = new URL(adminUrl())
  u.pathname = `/${dbName}`
  const cleanup: (() => Promise<unknown>)[] = [() => adminRun(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)]
  const close = async () => {
    for (const f of cleanup.reverse()) await f().catch(() => {})
  }
  try {
    const dbPool = new pg.Pool({ connectionString: u.toString(), max: 2 })
    cleanup.push(() => dbPool.end())
    const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
      (await dbPool.query<T>(text, values)).rows
    const sb = await startSandbox({ tokenLifetimeSec: 3600 })
    cleanup.push(() => sb.close())
    const httpPort = await freePort()
    const baseUrl = `http://127.0.0.1:${httpPort}`
    const env = {
      ...appEnv({ databaseUrl: u.toString(), baseUrl, oauthUrl: `${sb.baseUrl}/oauth/token/`, ...APP }),
      ...IMAGE_ENV,
      // the production defaults of pool and queue (appEnv narrows them for the reliability test)
      DB_POOL_MAX: '10',
      QUEUE_CONCURRENCY: process.env.MANY_PORTALS_QUEUE_CONCURRENCY ?? '32',
    }
    const control = wire(
      await createContext(
        loadConfig({ ...env, LOG_LEVEL: 'silent', B24_RATE_LIMIT: `${LIFTED.burst}/${LIFTED.drain}` }),
        silentLog,
      ),
    )
    cleanup.push(() => control.close())
    const logDir = mkdtempSync(join(tmpdir(), 'rc-many-'))
    log(`  process logs in ${logDir}`)
    // MANY_PORTALS_NODE_OPTIONS: node options of both processes (e.g. --max-old-space-size=96);
    // MANY_PORTALS_PROFILE=<dir>: the worker writes a CPU profile there when it stops;
    // MANY_PORTALS_WORKER_ARGS: the worker's node arguments (V8 flags NODE_OPTIONS refuses, e.g.
    // --heap-growing-percent=100)
    const nodeOptions = process.env.MANY_PORTALS_NODE_OPTIONS ?? ''
    if (nodeOptions) Object.assign(env, { NODE_OPTIONS: nodeOptions })
    const http = new AppProcess(
      {
        name: 'http',
        kind: 'http',
        port: httpPort,
        env: { ...env, APP_PORT: String(httpPort), LOG_LEVEL: 'warn' },
        nodeArgs: IMAGE_NODE_ARGS,
      },
      logDir,
    )
    const prof = process.env.MANY_PORTALS_PROFILE
    const workerEnv = prof ? { ...env, NODE_OPTIONS: `${nodeOptions} --cpu-prof --cpu-prof-dir=${prof}` } : env
    const workerArgs = (process.env.MANY_PORTALS_WORKER_ARGS ?? '').split(' ').filter(Boolean)
    const worker = new AppProcess(
      { name: 'worker', kind: 'worker', env: workerEnv, nodeArgs: [...IMAGE_NODE_ARGS, ...workerArgs] },
      logDir,
    )
    cleanup.push(
      () => worker.kill('SIGTERM'),
      () => http.kill('SIGTERM'),
    )
    await http.start()
    const app = sb.admin.registerApp({
      code: 'rc.many',
      clientId: APP.clientId,
      clientSecret: APP.clientSecret,
      appUrl: `${baseUrl}/bitrix/placements/admin`,
      installUrl: `${baseUrl}/bitrix/install`,
      eventHandlerUrl: `${baseUrl}/bitrix/events`,
    })
    const timezone = middayZone()
    const portals: BenchPortal[] = []
    const started = Date.now()
    await pool(
      Array.from({ length: count }, (_, i) => i),
      6,
      async (i) => {
        const portal = await sb.admin.createPortal({ title: `Портал ${i + 1}`, timezone })
        sb.admin.setLimits(portal.id, LIFTED)
        await sb.admin.installApp(portal.id, app.id)
        for (let t = Date.now(); !(await control.repos.portals.get(portal.memberId));)
          if (Date.now() - t > 30_000) throw new Error(`portal ${portal.memberId} did not connect on ONAPPINSTALL`)
          else await new Promise((r) => setTimeout(r, 50))
        // the app does not read the portal's zone; its administrator sets it (company settings)
        await control.repos.portals.update(portal.memberId, { timezone })
        await installPortal(control, portal.memberId, true)
        sb.admin.finishInstall(portal.id, app.id)
        const state = (await control.repos.installState.get(portal.memberId)) as InstallState
        const p = state.processes.receivables!
        const { calendar, today } = await portalDay(receivablesPorts(control), portal.memberId)
        const db = control.database.db
        await seedDunningPortfolio(
          { sb, portalId: portal.id, memberId: portal.memberId, db, p, calendar, today },
          Math.max(1, Math.round(receivablesEach / 20)),
        )
        sb.admin.setLimits(portal.id, PORTAL_RATE)
        sb.admin.resetLimits(portal.id)
        portals[i] = { id: portal.id, memberId: portal.memberId, process: p }
        if ((i + 1) % 50 === 0)
          log(`  ${i + 1}/${count} portals installed and seeded (${(Date.now() - started) / 1000} s)`)
      },
    )
    // our share of each bucket starts empty, as after a quiet night
    await query('DELETE FROM rate_buckets')
    return {
      dbName,
      query,
      sb,
      http,
      worker,
      control,
      portals,
      timezone,
      async startWorker() {
        await worker.start()
        // the bench's tick is the morning; the worker's own minute cron would add more slots mid-run
        await query(`DELETE FROM pgboss.schedule`)
      },
      close,
    }
  } catch (e) {
    await close()
    throw e
  }
}
