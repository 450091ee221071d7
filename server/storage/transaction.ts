// One short transaction, run again on a fresh connection when the database connection died before
// the work finished (a PostgreSQL restart terminates every backend): the server rolled it back, so
// nothing of it happened, and the work has no network inside (ARCHITECTURE: no HTTP in a
// transaction). A connection lost during COMMIT is not retried: it may have committed.
import type { Transaction } from 'kysely'
import type { Db } from './database.ts'
import type { Schema } from './schema.ts'
import { isConnectionLost } from '../lib/connection-lost.ts'

export async function inTransaction<T>(
  db: Db,
  work: (trx: Transaction<Schema>) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let workDone = false
    try {
      return await db.transaction().execute(async (trx) => {
        const out = await work(trx)
        workDone = true
        return out
      })
    } catch (e) {
      if (workDone || attempt >= attempts || !isConnectionLost(e)) throw e
      await new Promise((r) => setTimeout(r, 50 * attempt))
    }
  }
}
