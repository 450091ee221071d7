// Process entry for `npm start`: HTTP server plus (by default) a worker in the same process.
import { loadConfig, ConfigError } from './config.ts'
import { createLogger } from './lib/logger.ts'
import { createContext, startWorkers } from './context.ts'
import { wire } from './wiring.ts'
import { connectWebhookPortal } from './use-cases/connect-webhook-portal.ts'
import { buildApp } from './app.ts'

async function main() {
  const config = loadConfig()
  const log = createLogger(config)
  const ctx = wire(await createContext(config, log))
  const webhookPortal = await connectWebhookPortal(ctx)
  if (webhookPortal) log.info({ memberId: webhookPortal }, 'portal.webhook-mode')
  if (config.queue.inProcessWorker) await startWorkers(ctx)
  const app = await buildApp(ctx)
  await app.listen({ host: config.http.host, port: config.http.port })
  log.info({ url: config.http.baseUrl, database: ctx.database.kind, worker: config.queue.inProcessWorker }, 'app.started')
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    log.info({ signal }, 'app.stopping')
    await app.close() // stop taking requests
    await ctx.close() // finish in-flight jobs, then close the database
    log.info('app.stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : (e as Error).stack ?? String(e)}\n`)
  process.exit(1)
})
