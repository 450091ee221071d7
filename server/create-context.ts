// The composition root: builds the AppContext (storage, queue, repositories) once per process and
// starts the workers. Only process entries (main.ts, worker-main.ts, cli/, scripts/) and tests import it.
import type { Config } from './config.ts'
import type { Logger } from './lib/logger.ts'
import { systemClock, type Clock } from './lib/clock.ts'
import type { AppContext } from './context.ts'
import { openDatabase, type Database } from './storage/database.ts'
import { migrate } from './storage/migrate.ts'
import { portalsRepository } from './storage/repositories/portals.ts'
import { settingsRepository } from './storage/repositories/settings.ts'
import { effectsRepository } from './storage/repositories/effects.ts'
import { auditRepository } from './storage/repositories/audit.ts'
import { installStateRepository } from './storage/repositories/install-state.ts'
import { concurrencyLimit } from './lib/concurrency-limit.ts'
import { createQueue } from './jobs/queue.ts'
import { jobTasks } from './jobs/tasks/index.ts'
import { installSchedules } from './jobs/schedule.ts'
import { cachedLookup } from './bitrix24/inbound/verify.ts'
import { createGroupCommitter } from './jobs/group-commit.ts'
import { eventHandleJob } from './jobs/tasks/event-handle.ts'

export async function createContext(
  config: Config,
  log: Logger,
  overrides: { database?: Database; clock?: Clock } = {},
): Promise<AppContext> {
  const database =
    overrides.database ??
    (await openDatabase({ url: config.db.url, dataDir: config.db.dataDir, poolMax: config.db.poolMax }))
  try {
    const applied = await migrate(database)
    if (applied.length) log.info({ applied }, 'storage.migrated')
    const portals = portalsRepository(database.db, config.secretKey)
    const queue = await createQueue({
      database,
      log,
      definitions: jobTasks.map((t) => t.definition),
      retryDelayMax: config.queue.retryDelayMaxSeconds,
    })
    const ctx: AppContext = {
      config,
      log,
      clock: overrides.clock ?? systemClock,
      database,
      queue,
      repos: {
        portals,
        settings: settingsRepository(database.db),
        effects: effectsRepository(database.db),
        audit: auditRepository(database.db),
        installState: installStateRepository(database.db),
      },
      portalLookup: cachedLookup(async (memberId) => portals.get(memberId)),
      eventIntake: createGroupCommitter(queue, eventHandleJob.name, {
        maxInFlight: database.kind === 'pglite' ? 1 : 4,
      }),
      close: async () => {
        await queue.stop(true).catch((e: Error) => log.warn({ err: e.message }, 'queue.stop-failed'))
        if (!overrides.database) await database.close()
      },
    }
    return ctx
  } catch (e) {
    if (!overrides.database) await database.close()
    throw e
  }
}

/** Jobs of one kind run at once per process on embedded PGlite. */
export const EMBEDDED_CONCURRENCY = 2

/** Starts workers for every job in this process (`npm start` by default, `npm run worker` alone). */
export async function startWorkers(ctx: AppContext, o: { besideHttp?: boolean } = {}): Promise<void> {
  await installSchedules(ctx)
  // Embedded PGlite runs every query on this process's event loop, one at a time: a few jobs at once
  // keep a backlog from starving HTTP (README, Deployment).
  const embedded = ctx.database.kind === 'pglite'
  // Beside HTTP (npm start), all the queues together run at most this many jobs at once, so the
  // database pool always has connections left for requests (PostgreSQL) and the one PGlite
  // connection is not queued behind dozens of jobs.
  const limit = o.besideHttp
    ? concurrencyLimit(embedded ? EMBEDDED_CONCURRENCY : Math.max(1, ctx.config.db.poolMax - 4))
    : null
  for (const task of jobTasks) {
    const handler = task.create(ctx)
    await ctx.queue.work(task.definition.name, limit ? (job) => limit(() => handler(job)) : handler, {
      concurrency: embedded
        ? Math.min(ctx.config.queue.concurrency, EMBEDDED_CONCURRENCY)
        : ctx.config.queue.concurrency,
      perPortal: embedded ? 1 : ctx.config.queue.perPortalConcurrency,
      pollingSeconds: ctx.config.queue.pollingSeconds,
    })
  }
}
