// What the pg-boss tables say: jobs still to run (due now or soon), and the final state of every
// job: completed, or failed with its reason and a copy in the dead-letter queue.
import type { ThrowawayDatabase } from './database.ts'
import { waitUntil } from './wait.ts'

// The cron tick is created every minute by pg-boss itself; the dead-letter queue is a holding place
// that nobody works. Jobs due later than this horizon (tomorrow's reminders, SLA timers) are not
// "still to run" today.
const NOT_WORK = ['schedule-tick', 'dead-letter']
const HORIZON = "interval '11 minutes'"

export interface JobRow {
  id: string
  name: string
  state: string
  retry_count: number
  output: unknown
  data: unknown
}

export async function pendingJobs(db: ThrowawayDatabase): Promise<{ name: string; state: string; n: number }[]> {
  return db.query(
    `SELECT name, state, count(*)::int AS n FROM pgboss.job
    WHERE state IN ('created', 'retry', 'active') AND name <> ALL($1) AND start_after < now() + ${HORIZON} GROUP BY 1, 2 ORDER BY 1, 2`,
    [NOT_WORK],
  )
}

/** Waits until no job is left to run; `trace` gets what was pending every 10 s (for the report). */
export async function waitForDrain(db: ThrowawayDatabase, timeoutMs: number, trace: string[] = []): Promise<void> {
  let last: unknown = null
  const t0 = Date.now()
  let noted = -1
  try {
    await waitUntil(
      'the queue drained',
      timeoutMs,
      async () => {
        const p = await pendingJobs(db)
        last = p
        const tick = Math.floor((Date.now() - t0) / 10_000)
        if (tick !== noted && p.length) {
          noted = tick
          trace.push(`${tick * 10}s ${p.map((x) => `${x.name}:${x.state}=${x.n}`).join(' ')}`)
        }
        return p.length === 0
      },
      500,
    )
  } catch (e) {
    throw new Error(`${(e as Error).message}; still pending: ${JSON.stringify(last)}`, { cause: e })
  }
}

export interface QueueVerdict {
  byState: Record<string, number>
  failed: JobRow[]
  failedWithoutReason: JobRow[]
  deadLetters: number
  undeadFailed: JobRow[]
  stuck: JobRow[]
}

export async function queueVerdict(db: ThrowawayDatabase): Promise<QueueVerdict> {
  const all = await db.query<JobRow>(
    `SELECT id::text, name, state, retry_count, output, data FROM pgboss.job WHERE name <> 'dead-letter'`,
  )
  const dead = await db.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM pgboss.job WHERE name = 'dead-letter'`,
  )
  const byState: Record<string, number> = {}
  for (const j of all) byState[j.state] = (byState[j.state] ?? 0) + 1
  const failed = all.filter((j) => j.state === 'failed')
  const reasonOf = (j: JobRow) => {
    const o = j.output as Record<string, unknown> | null
    return o && (typeof o.message === 'string' || typeof o.reason === 'string') ? String(o.message ?? o.reason) : ''
  }
  // pg-boss copies a job that used up its retries into the dead-letter queue with the same data
  const deadData = new Set(dead.map((d) => JSON.stringify(d.data)))
  const stuck = await db.query<JobRow>(
    `SELECT id::text, name, state, retry_count, output, data FROM pgboss.job
    WHERE state IN ('created', 'retry', 'active') AND name <> ALL($1) AND start_after < now() + ${HORIZON}`,
    [NOT_WORK],
  )
  return {
    byState,
    failed,
    deadLetters: dead.length,
    stuck,
    failedWithoutReason: failed.filter((j) => !reasonOf(j)),
    undeadFailed: failed.filter((j) => !deadData.has(JSON.stringify(j.data))),
  }
}
