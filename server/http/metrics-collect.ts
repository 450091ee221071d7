// One scrape: this process's figures + those the worker processes published + what the database
// knows now (jobs per queue and state, portals per status, how full the portals' buckets are).
import { AggregatorRegistry, Gauge, Registry, type MetricObjectWithValues, type MetricValue } from 'prom-client'
import type { AppContext } from '../context.ts'
import { metricsProcessId, metricsRegistry } from '../lib/metrics.ts'
import { metricsSnapshotsRepository } from '../storage/repositories/metrics-snapshots.ts'
import { opsFiguresRepository } from '../storage/repositories/ops-figures.ts'
import { bucketFills } from '../bitrix24/client/rate-limiter.ts'
import { DEAD_LETTER } from '../jobs/queue.ts'

type MetricJson = MetricObjectWithValues<MetricValue<string>>

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType

/** A bucket at least this full is close to the portal's 503. */
const NEARLY_FULL = 0.8

export async function collectMetrics(ctx: AppContext): Promise<string> {
  const db = ctx.database.db as never
  const others = (await metricsSnapshotsRepository(db).others(metricsProcessId)) as MetricJson[][]
  const now = await databaseFigures(ctx)
  const all = AggregatorRegistry.aggregate([await metricsRegistry.getMetricsAsJSON(), ...others, now])
  return all.metrics()
}

async function databaseFigures(ctx: AppContext): Promise<MetricJson[]> {
  const registry = new Registry()
  const registers = [registry]
  const figures = opsFiguresRepository(ctx.database.db as never, { deadLetter: DEAD_LETTER })
  const jobs = new Gauge({
    name: 'jobs',
    help: 'Jobs by queue and state (waiting, active, retrying, dead: in the dead-letter queue)',
    labelNames: ['queue', 'state'] as const,
    registers,
  })
  for (const c of await figures.jobCounts()) jobs.set({ queue: c.queue, state: c.state }, c.count)
  const portals = new Gauge({
    name: 'b24_portals',
    help: 'Portals by status (active, disconnected: the app lost access, uninstalled)',
    labelNames: ['status'] as const,
    registers,
  })
  for (const status of ['active', 'disconnected', 'uninstalled']) portals.set({ status }, 0)
  for (const c of await figures.portalCounts()) portals.set({ status: c.status }, c.count)
  const fills = await bucketFills(ctx.database, ctx.config.b24.rateLimit)
  const fill = new Gauge({
    name: 'b24_rate_bucket_fill_ratio',
    help: "How full the portals' shared request buckets are now (0..1 of our share): max and mean",
    labelNames: ['stat'] as const,
    registers,
  })
  fill.set(
    { stat: 'max' },
    fills.reduce((a, b) => Math.max(a, b), 0),
  )
  fill.set({ stat: 'mean' }, fills.length ? fills.reduce((a, b) => a + b, 0) / fills.length : 0)
  new Gauge({
    name: 'b24_rate_buckets_nearly_full',
    help: `Portals whose bucket is at least ${NEARLY_FULL * 100}% full (calls to them are about to wait)`,
    registers,
  }).set(fills.filter((f) => f >= NEARLY_FULL).length)
  return registry.getMetricsAsJSON()
}
