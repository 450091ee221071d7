// One measured phase of bench/many-portals.ts: the schedule tick enqueues every portal's jobs (as the
// worker's minute cron does), an optional burst of portal events follows, and the phase ends when no job
// is left waiting, running or retrying. What each portal did comes from the queue's own rows (pg-boss
// job group = the portal) and the sandbox's request counters; CPU from /proc, rows from the tables.
import { performance } from 'node:perf_hooks'
import { createScheduleTick } from '../../server/jobs/schedule.ts'
import type { ManyWorld } from './many-portals-world.ts'
import type { PortalRun } from './portal-fairness.ts'
import { backendCpu, backendCpuDelta, cpuSeconds, rowGrowth, sampleRss, tableRows } from './process-usage.ts'

export interface PhaseResult {
  wallS: number
  runs: PortalRun[]
  appCpuS: number
  workerCpuS: number
  httpCpuS: number
  dbCpuS: number
  sandboxCpuS: number
  rssPeakMb: number
  rssEachMb: number[]
  rows: Map<string, number>
  jobs: { name: string; n: number; failed: number; avgMs: number }[]
  ungrouped: number
  finished: boolean
  /** Jobs still waiting, running or retrying when the phase ended (0 when it finished). */
  pendingAtEnd: number
  /** Requests by method, all portals together (a batch counts its sub-calls by their method). */
  byMethod: Record<string, number>
}

const PENDING = `SELECT count(*)::int AS n FROM pgboss.job
  WHERE state IN ('created', 'retry', 'active') AND name <> 'schedule-tick' AND start_after <= now() + interval '2 minutes'`

export async function runPhase(
  w: ManyWorld,
  o: { at: () => Date; events?: () => Promise<void>; timeoutS: number; log: (s: string) => void },
): Promise<PhaseResult> {
  const pids = [w.http.child!.pid!, w.worker.child!.pid!]
  w.sb.admin.resetCounters()
  const rows0 = await tableRows(w.query)
  const db0 = await backendCpu(w.query, w.dbName)
  const cpu0 = pids.map(cpuSeconds)
  const sb0 = process.cpuUsage()
  const rss = sampleRss(pids)
  const [{ t0 }] = (await w.query<{ t0: Date }>('SELECT now() AS t0')) as [{ t0: Date }]
  const start = performance.now()
  await createScheduleTick(w.control, o.at)({ id: 'bench', name: 'schedule-tick', data: {}, retryCount: 0 })
  if (o.events) await o.events()
  let finished = false
  let pendingAtEnd: number
  for (let last = 0; ;) {
    await new Promise((r) => setTimeout(r, 1000))
    const [{ n }] = (await w.query<{ n: number }>(PENDING)) as [{ n: number }]
    const s = (performance.now() - start) / 1000
    pendingAtEnd = n
    if (n === 0) {
      finished = true
      break
    }
    if (s - last >= 30) {
      last = s
      o.log(`  ${Math.round(s)} s: ${n} jobs pending`)
    }
    if (s > o.timeoutS) break
  }
  const wallS = (performance.now() - start) / 1000
  const sbCpu = process.cpuUsage(sb0)
  const cpu1 = pids.map(cpuSeconds)
  const db1 = await backendCpu(w.query, w.dbName)
  const peak = rss.stop()
  const perPortal = await w.query<{ m: string; first: number; done: number }>(
    `SELECT group_id AS m, EXTRACT(EPOCH FROM min(started_on) - $1)::float AS first,
            EXTRACT(EPOCH FROM max(COALESCE(completed_on, now())) - $1)::float AS done
     FROM pgboss.job WHERE created_on >= $1 AND group_id IS NOT NULL GROUP BY group_id`,
    [t0],
  )
  const byMethod: Record<string, number> = {}
  for (const p of w.portals)
    for (const [m, v] of Object.entries(w.sb.admin.counters(p.id).byMethod)) byMethod[m] = (byMethod[m] ?? 0) + v
  const byMember = new Map(perPortal.map((r) => [r.m, r]))
  const runs: PortalRun[] = w.portals.map((p) => {
    const r = byMember.get(p.memberId)
    return {
      memberId: p.memberId,
      doneS: r?.done ?? 0,
      firstStartS: r?.first ?? 0,
      requests: w.sb.admin.counters(p.id).requests,
    }
  })
  const jobs = await w.query<{ name: string; n: number; failed: number; avgMs: number }>(
    `SELECT name, count(*)::int AS n, count(*) FILTER (WHERE state = 'failed')::int AS failed,
            COALESCE(avg(EXTRACT(EPOCH FROM completed_on - started_on) * 1000), 0)::float AS "avgMs"
     FROM pgboss.job WHERE created_on >= $1 GROUP BY name ORDER BY name`,
    [t0],
  )
  const [{ u }] = (await w.query<{ u: number }>(
    `SELECT count(*)::int AS u FROM pgboss.job WHERE created_on >= $1 AND group_id IS NULL AND name <> 'schedule-tick'`,
    [t0],
  )) as [{ u: number }]
  const rows = rowGrowth(rows0, await tableRows(w.query))
  return {
    wallS,
    runs,
    appCpuS: cpu1[0]! - cpu0[0]! + cpu1[1]! - cpu0[1]!,
    httpCpuS: cpu1[0]! - cpu0[0]!,
    workerCpuS: cpu1[1]! - cpu0[1]!,
    dbCpuS: backendCpuDelta(db0, db1),
    sandboxCpuS: (sbCpu.user + sbCpu.system) / 1e6,
    rssPeakMb: peak.sum,
    rssEachMb: peak.each,
    rows,
    jobs,
    ungrouped: u,
    finished,
    pendingAtEnd,
    byMethod,
  }
}
