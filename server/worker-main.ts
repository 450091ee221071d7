// Process entry for `npm run worker`: runs jobs only, no HTTP. Any number of these can share PostgreSQL.
import { loadConfig, ConfigError } from './config.ts'
import { createLogger } from './lib/logger.ts'
import { createContext, startWorkers } from './create-context.ts'
import { wire } from './wiring.ts'
import { startMetricsPublisher } from './jobs/metrics-publish.ts'
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from './lib/heap-growth.ts'

async function main() {
  const config = loadConfig()
  limitHeapGrowth(HEAP_GROWING_PERCENT.worker) // lib/heap-growth.ts
  const log = createLogger(config)
  const ctx = wire(await createContext(config, log))
  await startWorkers(ctx)
  const metrics = startMetricsPublisher(ctx.database, log)
  log.info({ database: ctx.database.kind }, 'worker.started')
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    log.info({ signal }, 'worker.stopping')
    await ctx.queue.stopWorkers().catch(() => undefined) // the jobs in flight finish and are counted
    await metrics.stop()
    await ctx.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e))}\n`)
  process.exit(1)
})
