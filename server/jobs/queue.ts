import { PgBoss, fromPglite } from 'pg-boss'
import type { Database } from '../storage/database.ts'
import type { Logger } from '../lib/logger.ts'
import { jobIdFromKey } from './job-id.ts'
import { createWorkerWake, type RetryPolicy } from './worker-wake.ts'

export const DEAD_LETTER = 'dead-letter'

export interface QueueDefinition {
  name: string
  retryLimit?: number
  retryDelay?: number
  expireInSeconds?: number
  /** A worker that stops heart-beating (killed) gives its job back after this many seconds (>= 10). */
  heartbeatSeconds?: number
  /** 'short': one job per key may wait to start (jobs sent with `collapse`); set when the queue is created. */
  policy?: 'standard' | 'short'
}

export interface SendOptions {
  /** Idempotency key (server/jobs/keys.ts): the same key is enqueued once. */
  key?: string
  /** The key only collapses jobs while one waits to start (a 'short' queue): once it has started, the
   * same key queues a new job, so a change that comes while the first job reads is not lost. */
  collapse?: boolean
  startAfter?: Date | number
  /** Portal of the job: used for per-portal fairness (group concurrency). */
  memberId?: string
  priority?: number
}

export interface JobContext<T> {
  id: string
  name: string
  data: T
  retryCount: number
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<void>

/** A failure that no retry can fix: the job goes straight to dead letter with its reason. */
export class PermanentJobError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'PermanentJobError'
    this.code = code
  }
}

export interface QueueOptions {
  database: Database
  log: Logger
  definitions: QueueDefinition[]
  schema?: string
  superviseIntervalSeconds?: number
}

export async function createQueue(opts: QueueOptions) {
  const { database, log } = opts
  const schema = opts.schema ?? 'pgboss'
  const supervise = opts.superviseIntervalSeconds ?? 15
  const common = { schema, useListenNotify: true, superviseIntervalSeconds: supervise, monitorIntervalSeconds: supervise }
  const boss = database.kind === 'pglite'
    ? new PgBoss({ ...common, db: fromPglite(database.pglite!), backend: 'pglite' })
    : new PgBoss({ ...common, connectionString: database.url!, max: 4 })
  boss.on('error', (e: Error) => log.error({ err: e.message }, 'queue.error'))
  await boss.start()
  const queues = await boss.getQueues()
  const existing = new Set(queues.map((q) => q.name))
  // a queue keeps the policy it was created with: a database from before a policy change says so once
  for (const d of opts.definitions) {
    const q = queues.find((x) => x.name === d.name)
    if (q && d.policy && q.policy !== d.policy) log.warn({ queue: d.name, policy: q.policy, wanted: d.policy }, 'queue.policy-differs')
  }
  if (!existing.has(DEAD_LETTER)) await boss.createQueue(DEAD_LETTER, { retentionSeconds: 30 * 86400 })
  const policies = new Map<string, RetryPolicy>()
  for (const d of opts.definitions) {
    const options = {
      retryLimit: d.retryLimit ?? 8, retryDelay: d.retryDelay ?? 5, retryBackoff: true, retryDelayMax: 600,
      expireInSeconds: d.expireInSeconds ?? 300, heartbeatSeconds: d.heartbeatSeconds ?? 30, deadLetter: DEAD_LETTER, notify: true, policy: d.policy ?? 'standard',
    }
    if (!existing.has(d.name)) await boss.createQueue(d.name, options)
    policies.set(d.name, options)
  }
  const workers: string[] = []
  const wake = createWorkerWake(boss)

  return {
    boss,
    async send<T extends object>(name: string, data: T, o: SendOptions = {}): Promise<string | null> {
      return boss.send(name, data, jobOptions(name, o))
    },
    /** Many jobs in one statement (duplicates by key are skipped). */
    async insertMany(name: string, jobs: { data: object; options?: SendOptions }[]): Promise<void> {
      await boss.insert(name, jobs.map((j) => ({ data: j.data, ...jobOptions(name, j.options ?? {}) })))
    },
    async work<T>(name: string, handler: JobHandler<T>, w: { concurrency?: number; perPortal?: number; pollingSeconds?: number } = {}): Promise<void> {
      await boss.work<T>(name, {
        batchSize: 1, localConcurrency: w.concurrency ?? 4, pollingIntervalSeconds: w.pollingSeconds ?? 2,
        ...(w.perPortal ? { groupConcurrency: w.perPortal } : {}),
      }, async ([job]) => {
        const ctx: JobContext<T> = { id: job.id, name, data: job.data, retryCount: (job as { retryCount?: number }).retryCount ?? 0 }
        try {
          await handler(ctx)
        } catch (e) {
          if (e instanceof PermanentJobError) {
            log.warn({ job: name, jobId: job.id, code: e.code, reason: e.message }, 'job.failed.permanent')
            await boss.send(DEAD_LETTER, { queue: name, jobId: job.id, data: job.data as object, code: e.code, reason: e.message })
            return
          }
          log.warn({ job: name, jobId: job.id, err: (e as Error).message }, 'job.failed.retry')
          const policy = policies.get(name)
          if (policy) wake.afterFailure(name, ctx.retryCount, policy)
          throw e
        } finally {
          wake.afterJob(name)
        }
      })
      workers.push(name)
    },
    async schedule(name: string, cron: string, data: object, o: { tz?: string; key?: string } = {}): Promise<void> {
      await boss.schedule(name, cron, data, { tz: o.tz ?? 'UTC', ...(o.key ? { key: o.key } : {}) })
    },
    async stopWorkers(): Promise<void> {
      await Promise.all(workers.map((n) => boss.offWork(n, { wait: true })))
    },
    async stop(graceful = true): Promise<void> {
      wake.stop()
      await boss.stop({ graceful, close: false, timeout: 20_000 })
    },
  }
}
export type Queue = Awaited<ReturnType<typeof createQueue>>

function jobOptions(name: string, o: SendOptions) {
  return {
    ...(o.key ? (o.collapse ? { singletonKey: o.key } : { id: jobIdFromKey(`${name}|${o.key}`), singletonKey: o.key }) : {}),
    ...(o.startAfter !== undefined ? { startAfter: o.startAfter instanceof Date ? o.startAfter : new Date(o.startAfter) } : {}),
    ...(o.memberId ? { group: { id: o.memberId } } : {}),
    ...(o.priority !== undefined ? { priority: o.priority } : {}),
  }
}
