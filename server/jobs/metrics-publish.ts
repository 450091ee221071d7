// Every process writes its figures to the database every few seconds (and once more when it stops): a
// worker has no HTTP port, and several HTTP instances answer one scrape together. GET /metrics adds them up.
import type { Database } from '../storage/database.ts'
import type { Logger } from '../lib/logger.ts'
import { metricsProcessId, metricsRegistry } from '../lib/metrics.ts'
import { metricsSnapshotsRepository } from '../storage/repositories/metrics-snapshots.ts'

export function startMetricsPublisher(database: Database, log: Logger, everyMs = 10_000) {
  const snapshots = metricsSnapshotsRepository(database.db as never)
  const publish = async () => {
    try {
      await snapshots.save(metricsProcessId, await metricsRegistry.getMetricsAsJSON())
    } catch (e) {
      log.warn({ err: (e as Error).message }, 'metrics.publish-failed')
    }
  }
  const timer = setInterval(() => void publish(), everyMs)
  timer.unref()
  void publish()
  return {
    publish,
    /** The last figures, then no more. */
    async stop(): Promise<void> {
      clearInterval(timer)
      await publish()
    },
  }
}
