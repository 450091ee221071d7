// Embedded PGlite has one connection: the app's queries take turns on it. A request's query goes before
// the job queries already waiting (storage/pglite-fair-dialect.ts); in Kysely's own first-come order it
// waited behind all of them, and /healthz took 80-150 ms during a statement import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { openDatabase, type Database } from '../../../server/storage/database.ts'
import { asBackground } from '../../../server/lib/event-loop-turn.ts'

let database: Database
beforeAll(async () => {
  database = await openDatabase({ url: null, dataDir: 'memory://' })
})
afterAll(async () => database?.close())

describe('queries on embedded PGlite', () => {
  it("a request's query is answered before the job queries that were waiting when it came", async () => {
    const db = database.db
    const done: string[] = []
    // six jobs, each a transaction of a few statements, all waiting for the connection at once
    const jobs = Array.from({ length: 6 }, (_, i) =>
      asBackground(() =>
        db.transaction().execute(async (trx) => {
          for (let n = 0; n < 3; n++) await sql`SELECT pg_sleep(0.005)`.execute(trx)
          done.push(`job ${i + 1}`)
        }),
      ),
    )
    await new Promise((r) => setImmediate(r))
    const request = sql`SELECT 1`.execute(db).then(() => done.push('request'))
    await Promise.all([...jobs, request])
    // at most the job that held the connection when the request came finishes first
    expect(done.indexOf('request')).toBeLessThanOrEqual(1)
    expect(done.filter((d) => d !== 'request')).toEqual(['job 1', 'job 2', 'job 3', 'job 4', 'job 5', 'job 6'])
  })
})
