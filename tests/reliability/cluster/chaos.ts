// The faults of the day, at random moments (seeded, so a failing run can be repeated with the same
// MP_SEED): sandbox error bursts (5xx and 503), hangs, lost answers and dropped event deliveries,
// expired OAuth tokens, SIGKILL of a worker and of an HTTP instance (started again shortly after),
// and a "database restart": every connection to our database terminated.
import type { Cluster } from './world.ts'
import type { AppProcess } from './processes.ts'
import { sleep } from './wait.ts'

export interface ChaosLog {
  at: number
  what: string
}

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface ChaosPlan {
  durationMs: number
  kills: number
  dbRestarts: number
  tokenExpiries: number
  rnd: () => number
}

export async function runChaos(c: Cluster, plan: ChaosPlan, log: ChaosLog[], stop: { done: boolean }): Promise<void> {
  const t0 = Date.now()
  const note = (what: string) => log.push({ at: Date.now() - t0, what })
  const { rnd } = plan
  type Act = () => Promise<void>
  const kill =
    (p: AppProcess): Act =>
    async () => {
      await p.kill('SIGKILL')
      note(`SIGKILL ${p.spec.name}`)
      await sleep(500 + rnd() * 2000)
      await p.start()
      note(`restarted ${p.spec.name}`)
    }
  const acts: { at: number; act: Act }[] = []
  const at = () => rnd() * plan.durationMs * 0.85
  for (let i = 0; i < plan.kills; i++) {
    acts.push({ at: at(), act: kill(c.workers[i % 2]) })
    acts.push({ at: at(), act: kill(c.http[(i + 1) % 2]) })
  }
  for (let i = 0; i < plan.dbRestarts; i++)
    acts.push({
      at: at(),
      act: async () => {
        note(`database restart: ${await c.db.terminateConnections()} connections terminated`)
      },
    })
  for (let i = 0; i < plan.tokenExpiries; i++)
    acts.push({
      at: at(),
      act: async () => {
        note(`expired ${c.sb.admin.expireTokens(c.portalId, c.appId)} tokens`)
      },
    })
  acts.sort((a, b) => a.at - b.at)

  // the sandbox's faults change every few seconds: bursts of errors, hangs, lost answers, lost events
  const faults = (async () => {
    while (!stop.done && Date.now() - t0 < plan.durationMs) {
      const r = rnd()
      const cfg =
        r < 0.25
          ? { errorRate: 0.3, errorStatus: 500, errorCode: 'INTERNAL_SERVER_ERROR' }
          : r < 0.45
            ? { errorRate: 0.3, errorStatus: 503, errorCode: 'SERVICE_UNAVAILABLE' }
            : r < 0.6
              ? { hangRate: 0.1, hangMs: 2_000 }
              : r < 0.8
                ? { lostRate: 0.15 }
                : { dropEventRate: 0.5 }
      c.sb.admin.clearFaults(c.portalId)
      c.sb.admin.setFaults(c.portalId, {
        ...cfg,
        dropEventRate: Math.max(0.2, (cfg as { dropEventRate?: number }).dropEventRate ?? 0),
      })
      note(`sandbox faults ${JSON.stringify(cfg)}`)
      await sleep(2_000 + rnd() * 3_000)
    }
    c.sb.admin.clearFaults(c.portalId)
    note('sandbox faults cleared')
  })()
  for (const a of acts) {
    const wait = a.at - (Date.now() - t0)
    if (wait > 0) await sleep(wait)
    if (stop.done) break
    await a.act()
  }
  await faults
}
