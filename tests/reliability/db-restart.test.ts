// A transaction whose database connection dies (PostgreSQL restart: every backend terminated) is run
// again on a fresh connection; nothing of the lost attempt is kept. Other errors are not retried.
// Always on PostgreSQL (the connection loss does not exist on PGlite); fails when it is unreachable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { openDatabase, type Database } from '../../server/storage/database.ts'
import { inTransaction } from '../../server/storage/transaction.ts'
import { createThrowawayDatabase, type ThrowawayDatabase } from './cluster/database.ts'

let pgdb: ThrowawayDatabase
let database: Database
beforeAll(async () => {
  pgdb = await createThrowawayDatabase()
  database = await openDatabase({ url: pgdb.url, dataDir: 'memory://', poolMax: 3 })
  await database.exec('CREATE TABLE t (id int PRIMARY KEY)')
}, 30_000)
afterAll(async () => {
  await database?.close()
  await pgdb?.drop()
})

const rows = async () => (await pgdb.query<{ id: number }>('SELECT id FROM t ORDER BY id')).map((r) => r.id)

describe('a transaction on a connection that dies', () => {
  it('runs again on a fresh connection and keeps one result', async () => {
    let attempts = 0
    const out = await inTransaction(database.db, async (trx) => {
      attempts++
      await sql`INSERT INTO t VALUES (1)`.execute(trx)
      if (attempts === 1) await sql`SELECT pg_terminate_backend(pg_backend_pid())`.execute(trx)
      return 'done'
    })
    expect(out).toBe('done')
    expect(attempts).toBe(2)
    expect(await rows()).toEqual([1])
  })

  it('survives every connection of the database being terminated between two transactions', async () => {
    await inTransaction(database.db, async (trx) => {
      await sql`INSERT INTO t VALUES (2)`.execute(trx)
    })
    expect(await pgdb.terminateConnections()).toBeGreaterThan(0)
    await inTransaction(database.db, async (trx) => {
      await sql`INSERT INTO t VALUES (3)`.execute(trx)
    })
    expect(await rows()).toEqual([1, 2, 3])
  })

  it('does not retry an error of the work itself', async () => {
    let attempts = 0
    await expect(
      inTransaction(database.db, async (trx) => {
        attempts++
        await sql`INSERT INTO t VALUES (1)`.execute(trx)
      }),
    ).rejects.toThrow(/duplicate key/)
    expect(attempts).toBe(1)
  })

  it('gives up after its attempts when the connection keeps dying', async () => {
    let attempts = 0
    await expect(
      inTransaction(database.db, async (trx) => {
        attempts++
        await sql`SELECT pg_terminate_backend(pg_backend_pid())`.execute(trx)
      }),
    ).rejects.toThrow(/terminat/)
    expect(attempts).toBe(3)
  })
})
