// What GET /metrics reads from the database at scrape time, whichever process did the work: the
// jobs waiting, running, retrying and dead per queue (pg-boss's tables) and the portals per status.
import { sql, type Kysely } from 'kysely'

export type JobState = 'waiting' | 'active' | 'retrying' | 'dead'

export interface JobCount {
  queue: string
  state: JobState
  count: number
}

/** pg-boss state -> ours: created = waiting (also not yet due), retry = retrying; failed = dead. */
const STATE: Record<string, JobState> = { created: 'waiting', active: 'active', retry: 'retrying', failed: 'dead' }

export function opsFiguresRepository(db: Kysely<unknown>, o: { schema?: string; deadLetter: string }) {
  const schema = sql.id(o.schema ?? 'pgboss')
  return {
    async jobCounts(): Promise<JobCount[]> {
      const live = await sql<{ queue: string; state: string; n: string | number }>`
        SELECT name AS queue, state::text AS state, count(*) AS n FROM ${schema}.job
        WHERE name <> ${o.deadLetter} AND state IN ('created', 'active', 'retry', 'failed')
        GROUP BY 1, 2`.execute(db)
      // a job that ran out of retries, or failed for good, has a copy in the dead-letter queue naming
      // its queue (pg-boss: source_name; ours: data.queue); the copies wait there until someone looks
      const dead = await sql<{ queue: string; n: string | number }>`
        SELECT COALESCE(source_name, data->>'queue', 'unknown') AS queue, count(*) AS n FROM ${schema}.job
        WHERE name = ${o.deadLetter} AND state IN ('created', 'retry', 'active')
        GROUP BY 1`.execute(db)
      // every queue shows its four states, 0 included: a dashboard sees "none dead", not "no data"
      const queues = await sql<{ name: string }>`
        SELECT name FROM ${schema}.queue WHERE name <> ${o.deadLetter}`.execute(db)
      const out = new Map<string, JobCount>()
      for (const q of queues.rows)
        for (const state of Object.values(STATE)) out.set(`${q.name}|${state}`, { queue: q.name, state, count: 0 })
      const add = (queue: string, state: JobState, n: number) => {
        const k = `${queue}|${state}`
        const c = out.get(k) ?? { queue, state, count: 0 }
        c.count += n
        out.set(k, c)
      }
      // a failed job of a queue with a dead letter is counted by its copy, not twice
      for (const r of live.rows) if (r.state !== 'failed') add(r.queue, STATE[r.state], Number(r.n))
      for (const r of dead.rows) add(r.queue, 'dead', Number(r.n))
      return [...out.values()]
    },
    async portalCounts(): Promise<{ status: string; count: number }[]> {
      const r = await sql<{ status: string; n: string | number }>`
        SELECT status, count(*) AS n FROM portals GROUP BY 1`.execute(db)
      return r.rows.map((x) => ({ status: x.status, count: Number(x.n) }))
    },
  }
}
