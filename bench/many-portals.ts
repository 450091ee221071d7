// many_portals_*: 1,000 sandbox portals on one instance (MANY_PORTALS=100 for a quick run), 100 receivables
// each, ONE HTTP process and ONE worker on PostgreSQL. The morning: the schedule tick at the portals'
// midday (the dunning scan, the reconcile, the other fan-outs; reminders follow from the scan) and a burst
// of 5 card edits per portal (a payment entered on the card: ONCRMDYNAMICITEMUPDATE POSTed to the HTTP
// process). Then a quarter-hour tick alone (what repeats 95 more times a day) for the per-day figures.
// Seeding goes straight into the sandbox's store and our tables (bench/lib/many-portals-world.ts); all
// measured work goes through the app, the worker and the sandbox over HTTP, each portal at 2 req/s.
import { cpus, loadavg } from 'node:os'
import type { Metric } from './lib/metrics.ts'
import { startManyWorld, PORTAL_RATE, type ManyWorld } from './lib/many-portals-world.ts'
import { runPhase, type PhaseResult } from './lib/many-portals-phase.ts'
import { floorRatios, spreadOf } from './lib/portal-fairness.ts'

const EDITS = 5
const log = (s: string) => void process.stderr.write(`${s}\n`)
const r1 = (v: number) => Math.round(v * 10) / 10
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')

/** A person enters a payment on EDITS open items of every portal (the card's paid field = its amount). */
async function editBurst(w: ManyWorld): Promise<() => Promise<void>> {
  const edits: { portal: number; entityTypeId: number; id: number; fields: Record<string, unknown> }[] = []
  for (const p of w.portals) {
    const amount = p.process.fields.amount!.restName
    const paid = p.process.fields.paid!.restName
    const { result } = await w.sb.admin.call<{ items: Record<string, unknown>[] }>(p.id, 'crm.item.list', {
      entityTypeId: p.process.entityTypeId,
      select: ['id', amount, paid],
    })
    const open = result.items.filter((i) => i[amount] !== i[paid]).slice(0, EDITS)
    for (const i of open)
      edits.push({
        portal: p.id,
        entityTypeId: p.process.entityTypeId,
        id: Number(i.id),
        fields: { [paid]: i[amount] },
      })
  }
  return async () => {
    for (const e of edits)
      await w.sb.admin.call(e.portal, 'crm.item.update', { entityTypeId: e.entityTypeId, id: e.id, fields: e.fields })
    await w.sb.admin.flush(30_000) // the scans' echoes keep coming: not until all are in
  }
}

function describe(name: string, r: PhaseResult, n: number): string {
  const jobs = r.jobs.map(
    (j) => `${j.name} ${j.n}${j.failed ? ` (${j.failed} failed)` : ''} ~${Math.round(j.avgMs)} ms`,
  )
  const rows = [...r.rows].map(([t, v]) => `${t.replace('public.', '')} ${v}`)
  return (
    `  ${name}: ${r1(r.wallS)} s${r.finished ? '' : ` (TIMED OUT, ${r.pendingAtEnd} jobs left)`}; CPU http ${r1(r.httpCpuS)} s, worker ` +
    `${r1(r.workerCpuS)} s, PostgreSQL ${r1(r.dbCpuS)} s, sandbox+bench ${r1(r.sandboxCpuS)} s; RSS peak ` +
    `${Math.round(r.rssPeakMb)} MB (${r.rssEachMb.map(Math.round).join(' + ')}); ` +
    `requests ${r.runs.reduce((a, x) => a + x.requests, 0)}; rows/portal ${r1(sum(r.rows) / n)}\n` +
    `    jobs: ${jobs.join(', ')}; ungrouped ${r.ungrouped}\n    rows: ${rows.join(', ')}\n` +
    `    requests by method: ${JSON.stringify(r.byMethod)}`
  )
}

export async function benchManyPortals(): Promise<Metric[]> {
  const n = Number(process.env.MANY_PORTALS ?? 1000)
  const timeoutS = Number(process.env.MANY_PORTALS_TIMEOUT_S ?? 2400)
  log(`  ${n} portals x 100 receivables; ${cpus().length} cores, load ${load()}`)
  const w = await startManyWorld(n, 100, log)
  try {
    await w.startWorker()
    const burst = await editBurst(w)
    const loadBefore = load()
    const morning = await runPhase(w, { at: () => new Date(), events: burst, timeoutS, log })
    const loadAfter = load()
    log(describe('morning', morning, n))
    // MANY_PORTALS_QUARTER=0 skips it (the per-day figures then repeat the morning's cost of a tick: none)
    const quarter =
      process.env.MANY_PORTALS_QUARTER === '0'
        ? null
        : await runPhase(w, { at: () => new Date(Date.now() + 15 * 60_000), timeoutS, log })
    if (quarter) log(describe('quarter-hour tick', quarter, n))

    const done = spreadOf(morning.runs.map((r) => r.doneS))
    const first = spreadOf(morning.runs.map((r) => r.firstStartS))
    const { ratios, withoutRequests } = floorRatios(morning.runs, PORTAL_RATE.drain)
    const ratio = spreadOf(ratios)
    const reqs = spreadOf(morning.runs.map((r) => r.requests))
    const q = quarter ?? { appCpuS: 0, dbCpuS: 0, rows: new Map<string, number>(), runs: [] }
    const dayCpu = morning.appCpuS + 95 * q.appCpuS
    const dayRows = sum(morning.rows) + 95 * sum(q.rows)
    const dayRequests =
      (morning.runs.reduce((a, x) => a + x.requests, 0) + 95 * q.runs.reduce((a, x) => a + x.requests, 0)) / n
    const where = `${n} portals, 1 HTTP + 1 worker, PostgreSQL; load ${loadBefore} -> ${loadAfter}`
    const f = (s: { p5: number; p50: number; p95: number; max: number }) =>
      `p5 ${r1(s.p5)} / p50 ${r1(s.p50)} / p95 ${r1(s.p95)} / max ${r1(s.max)}`
    return [
      {
        name: 'many_portals_morning_s',
        value: morning.wallS,
        unit: 's',
        target: '<= 900',
        note: `${morning.finished ? '' : `NOT FINISHED: ${morning.pendingAtEnd} of ${morning.jobs.reduce((a, j) => a + j.n, 0)} jobs left; `}${where}`,
      },
      {
        name: 'many_portals_p95_floor_ratio',
        value: ratio.p95,
        unit: 'x floor',
        comparison: { name: 'median portal', value: ratio.p50 },
        target: '<= 2',
        note: `completion / (own requests / ${PORTAL_RATE.drain} per s), floor >= 1 s: ${f(ratio)}; requests ${f(reqs)}; ${withoutRequests} portals without requests`,
      },
      {
        name: 'many_portals_rss_mb',
        value: morning.rssPeakMb,
        unit: 'MB',
        target: '<= 300',
        note: `peak of http + worker RSS summed, sampled every 0.5 s (peaks: ${morning.rssEachMb.map(Math.round).join(' + ')})`,
      },
      {
        name: 'many_portals_cpu_s_per_portal',
        value: morning.appCpuS / n,
        unit: 's',
        comparison: { name: 'per portal per day (morning + 95 quarter-hour ticks)', value: dayCpu / n },
        target: 'reported (README: workers for 10,000 portals)',
        note: `morning: http ${r1(morning.httpCpuS)} + worker ${r1(morning.workerCpuS)} s; PostgreSQL ${r1(morning.dbCpuS)} s; quarter tick ${quarter ? `${r1(q.appCpuS)} s app + ${r1(q.dbCpuS)} s PostgreSQL` : 'not measured'}`,
      },
      {
        name: 'many_portals_rows_per_portal_day',
        value: dayRows / n,
        unit: 'rows',
        comparison: { name: 'of it the morning', value: sum(morning.rows) / n },
        target: 'reported',
        note: `rows added (ours + queue jobs, kept until pg-boss deletes them); requests per portal per day ${r1(dayRequests)}`,
      },
      {
        name: 'many_portals_done_spread_s',
        value: done.max - done.p5,
        unit: 's',
        comparison: { name: 'median portal done', value: done.p50 },
        target: 'no portal behind another backlog: p95 floor ratio <= 2',
        note: `done ${f(done)} s; first job started ${f(first)} s`,
      },
    ]
  } finally {
    await w.close()
  }
}
