import { PgBoss, fromPglite } from 'pg-boss'
import type { Database } from '../storage/database.ts'
import type { Logger } from '../lib/logger.ts'
import { jobIdFromKey } from './job-id.ts'
import { createWorkerWake, type RetryPolicy } from './worker-wake.ts'
import { PermanentJobError, type SendOptions } from '../use-cases/job-queue.ts'
import { jobDuration } from '../lib/metrics.ts'
import { asBackground } from '../lib/event-loop-turn.ts'
import { queueView } from '../storage/pglite-fair.ts'

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

export interface JobContext<T> {
  id: string
  name: string
  data: T
  retryCount: number
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<void>

/**
 * A call the portal refused with a documented 400/403 code (Bitrix24Error, not retryable): no retry
 * can change the answer, so the job goes to dead letter at once, its reason naming the method, the
 * code and the status, e.g. "crm.item.list: INVALID_ARG_VALUE (HTTP 400) Invalid order: …".
 */
function portalRefusal(e: unknown): { code: string; reason: string } | null {
  const err = e as { name?: unknown; code?: unknown; status?: unknown; retryable?: unknown; method?: unknown }
  if (!err || err.name !== 'Bitrix24Error' || err.retryable !== false) return null
  if (typeof err.code !== 'string' || (err.status !== 400 && err.status !== 403)) return null
  const where = typeof err.method === 'string' && err.method ? `${err.method}: ` : ''
  return {
    code: `portal.${err.code}`,
    reason: `${where}${err.code} (HTTP ${err.status}) ${(e as Error).message}`.trim(),
  }
}

export interface QueueOptions {
  database: Database
  log: Logger
  definitions: QueueDefinition[]
  schema?: string
  superviseIntervalSeconds?: number
  /** Cap of the retry backoff in seconds (config queue.retryDelayMaxSeconds; 600 by default). */
  retryDelayMax?: number
}

export async function createQueue(opts: QueueOptions) {
  const { database, log } = opts
  const schema = opts.schema ?? 'pgboss'
  const supervise = opts.superviseIntervalSeconds ?? 15
  const common = {
    schema,
    useListenNotify: true,
    superviseIntervalSeconds: supervise,
    monitorIntervalSeconds: supervise,
  }
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ ...common, db: fromPglite(queueView(database.pglite!)), backend: 'pglite' })
      : new PgBoss({ ...common, connectionString: database.url!, max: 4 })
  boss.on('error', (e: Error) => log.error({ err: e.message }, 'queue.error'))
  // its maintenance loops and the workers' fetch loops below are background work (lib/event-loop-turn.ts)
  await asBackground(() => boss.start())
  const queues = await boss.getQueues()
  const existing = new Set(queues.map((q) => q.name))
  // a queue keeps the policy it was created with: a database from before a policy change says so once
  for (const d of opts.definitions) {
    const q = queues.find((x) => x.name === d.name)
    if (q && d.policy && q.policy !== d.policy)
      log.warn({ queue: d.name, policy: q.policy, wanted: d.policy }, 'queue.policy-differs')
  }
  if (!existing.has(DEAD_LETTER)) await boss.createQueue(DEAD_LETTER, { retentionSeconds: 30 * 86400 })
  const policies = new Map<string, RetryPolicy>()
  for (const d of opts.definitions) {
    const options = {
      retryLimit: d.retryLimit ?? 8,
      retryDelay: d.retryDelay ?? 5,
      retryBackoff: true,
      retryDelayMax: opts.retryDelayMax ?? 600,
      expireInSeconds: d.expireInSeconds ?? 300,
      heartbeatSeconds: d.heartbeatSeconds ?? 30,
      deadLetter: DEAD_LETTER,
      notify: true,
      policy: d.policy ?? 'standard',
    }
    if (!existing.has(d.name)) await boss.createQueue(d.name, options)
    else if (queues.find((x) => x.name === d.name)?.retryDelayMax !== options.retryDelayMax)
      await boss.updateQueue(d.name, { retryBackoff: true, retryDelayMax: options.retryDelayMax })
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
      await boss.insert(
        name,
        jobs.map((j) => ({ data: j.data, ...jobOptions(name, j.options ?? {}) })),
      )
    },
    async work<T>(
      name: string,
      handler: JobHandler<T>,
      w: { concurrency?: number; perPortal?: number; pollingSeconds?: number } = {},
    ): Promise<void> {
      await asBackground(() =>
        boss.work<T>(
          name,
          {
            batchSize: 1,
            localConcurrency: w.concurrency ?? 4,
            pollingIntervalSeconds: w.pollingSeconds ?? 2,
            ...(w.perPortal ? { groupConcurrency: w.perPortal } : {}),
          },
          async ([job]) => {
            const ctx: JobContext<T> = {
              id: job.id,
              name,
              data: job.data,
              retryCount: (job as { retryCount?: number }).retryCount ?? 0,
            }
            const timer = jobDuration.startTimer({ queue: name })
            let result = 'ok'
            try {
              await handler(ctx)
            } catch (e) {
              const permanent = e instanceof PermanentJobError ? { code: e.code, reason: e.message } : portalRefusal(e)
              if (permanent) {
                result = 'dead'
                log.warn({ job: name, jobId: job.id, ...permanent }, 'job.failed.permanent')
                await boss.send(DEAD_LETTER, {
                  queue: name,
                  jobId: job.id,
                  data: job.data as object,
                  ...permanent,
                })
                return
              }
              log.warn({ job: name, jobId: job.id, err: (e as Error).message }, 'job.failed.retry')
              const policy = policies.get(name)
              result = policy && ctx.retryCount >= policy.retryLimit ? 'dead' : 'retry'
              if (policy) wake.afterFailure(name, ctx.retryCount, policy)
              throw e
            } finally {
              timer({ result })
              wake.afterJob(name)
            }
          },
        ),
      )
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
      // close: pg-boss's own PostgreSQL pool (never the embedded database, which the app closes itself);
      // left open, it kept connections to the database after the app had closed
      await boss.stop({ graceful, close: true, timeout: 20_000 })
    },
  }
}
export type Queue = Awaited<ReturnType<typeof createQueue>>

function jobOptions(name: string, o: SendOptions) {
  return {
    ...(o.key
      ? o.collapse
        ? { singletonKey: o.key }
        : { id: jobIdFromKey(`${name}|${o.key}`), singletonKey: o.key }
      : {}),
    ...(o.startAfter !== undefined
      ? { startAfter: o.startAfter instanceof Date ? o.startAfter : new Date(o.startAfter) }
      : {}),
    ...(o.memberId ? { group: { id: o.memberId } } : {}),
    ...(o.priority !== undefined ? { priority: o.priority } : {}),
  }
}
