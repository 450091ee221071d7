// Process entry for `npm start`: HTTP server plus (by default) a worker in the same process.
import { loadConfig, ConfigError } from './config.ts'
import { createLogger } from './lib/logger.ts'
import { createContext, startWorkers } from './create-context.ts'
import { wire } from './wiring.ts'
import { connectWebhookPortal } from './use-cases/portal/connect-webhook-portal.ts'
import { buildApp } from './app.ts'
import { startMetricsPublisher } from './jobs/metrics-publish.ts'
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from './lib/heap-growth.ts'

async function main() {
  const config = loadConfig()
  // V8 need not let garbage pile up to 4x what is alive (lib/heap-growth.ts)
  limitHeapGrowth(HEAP_GROWING_PERCENT[config.queue.inProcessWorker ? 'worker' : 'http'])
  const log = createLogger(config)
  const ctx = wire(await createContext(config, log))
  const webhookPortal = await connectWebhookPortal(ctx)
  if (webhookPortal) log.info({ memberId: webhookPortal }, 'portal.webhook-mode')
  const app = await buildApp(ctx)
  await app.listen({ host: config.http.host, port: config.http.port })
  // HTTP answers first: a backlog waiting at start-up must not keep the port closed
  if (config.queue.inProcessWorker) await startWorkers(ctx, { besideHttp: true })
  // every process publishes its figures: GET /metrics on any one HTTP instance answers for them all
  const metrics = startMetricsPublisher(ctx.database, log)
  log.info(
    { url: config.http.baseUrl, database: ctx.database.kind, worker: config.queue.inProcessWorker },
    'app.started',
  )
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    log.info({ signal }, 'app.stopping')
    await app.close() // stop taking requests
    await metrics.stop()
    await ctx.close() // finish in-flight jobs, then close the database
    log.info('app.stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e))}\n`)
  process.exit(1)
})
