// The bulk phase, without faults: invoices imported into the portal without events are found by
// the reconcile (enqueued the way the schedule does) and mirrored by both workers. Sampled every
// 200 ms: the portal's request counter and its bucket. Once the shared bucket is full, the portal
// must be kept busy: requests per second >= 90% of its drain rate, and no 503 (limit) answers.
import { jobKeys } from '../../../server/use-cases/effect-keys.ts'
import type { Cluster } from './world.ts'
import type { DayDriver } from './day.ts'
import { pendingJobs } from './queue-state.ts'
import { sleep } from './wait.ts'

export interface BulkResult {
  items: number
  seconds: number
  requests: number
  status503: number
  limitExceeded: number
  windowSeconds: number
  windowRequests: number
  drain: number
  busy: number
  maxLevel: number
}

export async function runBulk(c: Cluster, d: DayDriver, count: number, timeoutMs: number): Promise<BulkResult> {
  const drain = 5 // the enterprise bucket's drain rate (sandbox/limits/bucket.ts ENTERPRISE)
  const fullAt = 235 // our share is burst 240 of the portal's 250: from this level on the limiter is what paces us
  const before = c.sb.admin.counters(c.portalId)
  const t0 = Date.now()
  d.seedInvoices(count, 12_345_00)
  await c.control.queue.send(
    'receivable-reconcile',
    { memberId: c.memberId, slot: `bulk-${t0}` },
    { key: jobKeys.scheduleFanOut('receivable-reconcile', c.memberId, `bulk-${t0}`), memberId: c.memberId },
  )
  const samples: { t: number; requests: number; level: number }[] = []
  let lastCheck = 0
  for (;;) {
    samples.push({
      t: Date.now(),
      requests: c.sb.admin.counters(c.portalId).requests,
      level: c.sb.admin.bucketLevel(c.portalId),
    })
    if (Date.now() - lastCheck > 1_000) {
      lastCheck = Date.now()
      if (Date.now() - t0 > 3_000 && (await pendingJobs(c.db)).length === 0) break
      if (Date.now() - t0 > timeoutMs)
        throw new Error(`the bulk phase did not finish in ${timeoutMs} ms: ${JSON.stringify(await pendingJobs(c.db))}`)
    }
    await sleep(200)
  }
  const after = c.sb.admin.counters(c.portalId)
  // the limiter holds our level a few requests under our share (its clock and the portal's differ by
  // a sample): the window opens at the plateau, where the level first comes within 5 of its highest, as
  // long as that is near our share at all (200 of 240; a bulk that never got there has no window)
  const maxLevel = Math.max(...samples.map((s) => s.level))
  const full = maxLevel >= 200 ? Math.min(fullAt, maxLevel - 5) : Infinity
  const start = samples.findIndex((s) => s.level >= full)
  let end = samples.length - 1
  while (end > 0 && samples[end].requests === samples[end - 1].requests) end--
  const windowSeconds = start >= 0 && end > start ? (samples[end].t - samples[start].t) / 1000 : 0
  // a level still rising inside the window is burst, not pace: it does not count as drained work
  const windowRequests =
    start >= 0 && end > start
      ? samples[end].requests - samples[start].requests - Math.max(0, samples[end].level - samples[start].level)
      : 0
  return {
    items: count,
    seconds: (Date.now() - t0) / 1000,
    requests: after.requests - before.requests,
    status503: after.status503 - before.status503,
    limitExceeded: after.limitExceeded - before.limitExceeded,
    windowSeconds,
    windowRequests,
    drain,
    busy: windowSeconds > 0 ? windowRequests / windowSeconds / drain : 0,
    maxLevel,
  }
}
