// The composition root: every long-lived dependency of the server, built once per process.
import type { Config } from './config.ts'
import type { Logger } from './lib/logger.ts'
import { openDatabase, type Database } from './storage/database.ts'
import { migrate } from './storage/migrate.ts'
import { portalsRepository } from './storage/repositories/portals.ts'
import { settingsRepository } from './storage/repositories/settings.ts'
import { effectsRepository } from './storage/repositories/effects.ts'
import { auditRepository } from './storage/repositories/audit.ts'
import { installStateRepository } from './storage/repositories/install-state.ts'
import { createQueue, type Queue } from './jobs/queue.ts'
import { jobTasks } from './jobs/tasks/index.ts'
import { installSchedules } from './jobs/schedule.ts'
import { cachedLookup } from './bitrix24/inbound/verify.ts'
import { createGroupCommitter, type GroupCommitter } from './jobs/group-commit.ts'
import { eventHandleJob } from './jobs/tasks/event-handle.ts'
import type { PortalClients } from './bitrix24/client/portal-client.ts'
import type { InboundEvent } from './bitrix24/inbound/parse-event.ts'
import type { UserTokenVerifier } from './http/api/auth-hook.ts'

export interface AppContext {
  config: Config
  log: Logger
  database: Database
  repos: {
    portals: ReturnType<typeof portalsRepository>
    settings: ReturnType<typeof settingsRepository>
    effects: ReturnType<typeof effectsRepository>
    audit: ReturnType<typeof auditRepository>
    installState: ReturnType<typeof installStateRepository>
  }
  queue: Queue
  portalLookup: ReturnType<typeof cachedLookup>
  /** Durable, group-committed intake of portal events (acknowledged only after commit). */
  eventIntake: GroupCommitter
  /** Portal REST clients (wired at start-up by server/wiring.ts). */
  b24?: PortalClients
  /** Checks a portal user's token for the /api session. */
  verifyUserToken?: UserTokenVerifier
  /** ONAPPINSTALL: verify at the OAuth server and store the portal. */
  onAppInstall?: (e: InboundEvent) => Promise<void>
  /** Install page opened before ONAPPINSTALL arrived: register from the frame's REFRESH_ID. */
  onInstallFrame?: (body: Record<string, unknown>) => Promise<void>
  close: () => Promise<void>
}

export async function createContext(config: Config, log: Logger, overrides: { database?: Database } = {}): Promise<AppContext> {
  const database = overrides.database ?? await openDatabase({ url: config.db.url, dataDir: config.db.dataDir, poolMax: config.db.poolMax })
  try {
    const applied = await migrate(database)
    if (applied.length) log.info({ applied }, 'storage.migrated')
    const portals = portalsRepository(database.db, config.secretKey)
    const queue = await createQueue({ database, log, definitions: jobTasks.map((t) => t.definition) })
    const ctx: AppContext = {
      config, log, database, queue,
      repos: { portals, settings: settingsRepository(database.db), effects: effectsRepository(database.db), audit: auditRepository(database.db), installState: installStateRepository(database.db) },
      portalLookup: cachedLookup(async (memberId) => portals.get(memberId)),
      eventIntake: createGroupCommitter(queue, eventHandleJob.name, { maxInFlight: database.kind === 'pglite' ? 1 : 4 }),
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

/** Starts workers for every job in this process (`npm start` by default, `npm run worker` alone). */
export async function startWorkers(ctx: AppContext): Promise<void> {
  await installSchedules(ctx)
  for (const task of jobTasks) {
    await ctx.queue.work(task.definition.name, task.create(ctx), {
      concurrency: ctx.config.queue.concurrency, perPortal: ctx.config.queue.perPortalConcurrency, pollingSeconds: ctx.config.queue.pollingSeconds,
    })
  }
}
