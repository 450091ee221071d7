// The whole deployment of the multi-process run: a throw-away PostgreSQL database, one sandbox
// portal with its real rate limits, a balancer, two HTTP instances and two workers, and a control
// context in the test process (no workers, no portal client) that reads the database and enqueues
// jobs the way the schedule does. The app connects itself on ONAPPINSTALL and installs by its job.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '../../../sandbox/index.ts'
import { loadConfig } from '../../../server/config.ts'
import { createContext } from '../../../server/create-context.ts'
import type { AppContext } from '../../../server/context.ts'
import { jobKeys } from '../../../server/use-cases/effect-keys.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'
import { silentLog } from '../../helpers/app.ts'
import { freePort } from '../../helpers/free-port.ts'
import { createThrowawayDatabase, type ThrowawayDatabase } from './database.ts'
import { startBalancer, type Balancer } from './balancer.ts'
import { AppProcess, appEnv } from './processes.ts'
import { waitUntil } from './wait.ts'

const APP = { clientId: 'local.rc.multi', clientSecret: 'rc-multi-secret' }

export interface Cluster {
  db: ThrowawayDatabase
  sb: Sandbox
  balancer: Balancer
  http: AppProcess[]
  workers: AppProcess[]
  control: AppContext
  portalId: number
  timezone: string
  appId: number
  memberId: string
  state: InstallState
  logDir: string
  close(): Promise<void>
}

export async function startCluster(): Promise<Cluster> {
  const logDir = mkdtempSync(join(tmpdir(), 'rc-multi-'))
  const db = await createThrowawayDatabase()
  const cleanup: (() => Promise<unknown>)[] = [() => db.drop()]
  const close = async () => {
    for (const f of cleanup.reverse()) await f().catch(() => {})
  }
  try {
    const sb = await startSandbox({ tokenLifetimeSec: 3600 })
    cleanup.push(() => sb.close())
    // the real limits of an enterprise portal (5 requests/s, burst 250): no test override
    const timezone = middayZone()
    const portal = await sb.admin.createPortal({ title: 'Multi-process portal', licenseFamily: 'ent', timezone })
    const balancer = await startBalancer()
    cleanup.push(() => balancer.close())
    const env = {
      ...appEnv({ databaseUrl: db.url, baseUrl: balancer.url, oauthUrl: `${sb.baseUrl}/oauth/token/`, ...APP }),
      // retries back off up to 15 s instead of 10 min: the evening heals in a minute, not in the backoff
      QUEUE_RETRY_DELAY_MAX_SECONDS: '15',
    }
    // the control context migrates the database first, so the instances start on a ready schema
    const control = await createContext(loadConfig({ ...env, LOG_LEVEL: 'silent' }), silentLog)
    cleanup.push(() => control.close())
    const http = await Promise.all(
      [0, 1].map(async (i) => {
        const port = await freePort()
        return new AppProcess(
          { name: `http-${i}`, kind: 'http', port, env: { ...env, APP_PORT: String(port) } },
          logDir,
        )
      }),
    )
    const workers = [0, 1].map((i) => new AppProcess({ name: `worker-${i}`, kind: 'worker', env }, logDir))
    cleanup.push(async () => {
      for (const p of [...http, ...workers]) await p.kill('SIGTERM').catch(() => {})
    })
    await Promise.all([...http, ...workers].map((p) => p.start()))
    balancer.setTargets(http.map((p) => p.spec.port!))
    const app = sb.admin.registerApp({
      code: 'rc.multi',
      clientId: APP.clientId,
      clientSecret: APP.clientSecret,
      appUrl: `${balancer.url}/bitrix/placements/admin`,
      installUrl: `${balancer.url}/bitrix/install`,
      eventHandlerUrl: `${balancer.url}/bitrix/events`,
    })
    await sb.admin.installApp(portal.id, app.id)
    await waitUntil('the app stored the portal on ONAPPINSTALL', 20_000, async () =>
      Boolean(await control.repos.portals.get(portal.memberId)),
    )
    await control.queue.send(
      'portal-install',
      { memberId: portal.memberId },
      { key: jobKeys.portalInstall(portal.memberId, 'multi-process'), memberId: portal.memberId },
    )
    const state = await waitUntil('the portal-install job installed the portal', 120_000, async () => {
      const s = (await control.repos.installState.get(portal.memberId)) as InstallState | null
      return s?.processes?.receivables ? s : null
    })
    sb.admin.finishInstall(portal.id, app.id)
    return {
      db,
      sb,
      balancer,
      http,
      workers,
      control,
      portalId: portal.id,
      timezone,
      appId: app.id,
      memberId: portal.memberId,
      state,
      logDir,
      close,
    }
  } catch (e) {
    await close()
    throw e
  }
}

/** A zone where it is about 13:00 now, so that today's reminders are inside their 10:00-17:00 window. */
export function middayZone(now = new Date()): string {
  const offset = 13 - now.getUTCHours()
  return offset === 0 ? 'UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`
}
