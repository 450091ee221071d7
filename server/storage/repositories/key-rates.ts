// The Bank of Russia key rates the daily fetch stored, and the state of that fetch (one row).
import type { Db } from '../database.ts'
import { sql } from 'kysely'
import { day } from './ledger-sql.ts'

export interface KeyRateFetchState {
  lastAttemptAt: Date | null
  lastSuccessAt: Date | null
  lastError: string | null
  /** The first failure since the last success; null while the fetch works. */
  failingSince: Date | null
}

export function keyRatesRepository(db: Db) {
  return {
    async list(): Promise<{ from: string; bp: number }[]> {
      const rows = await db
        .selectFrom('cbr_key_rates')
        .select([day('from_date').as('from'), 'bp'])
        .orderBy('from_date')
        .execute()
      return rows.map((r) => ({ from: r.from, bp: Number(r.bp) }))
    },
    /** Adds the rows (a date already stored takes the new rate: a correction); one transaction. */
    async save(rows: readonly { from: string; bp: number }[], at: Date): Promise<void> {
      if (rows.length === 0) return
      await db
        .insertInto('cbr_key_rates')
        .values(rows.map((r) => ({ from_date: r.from, bp: r.bp, fetched_at: at })))
        .onConflict((oc) => oc.column('from_date').doUpdateSet((eb) => ({ bp: eb.ref('excluded.bp'), fetched_at: at })))
        .execute()
    },
    async state(): Promise<KeyRateFetchState> {
      const r = await db.selectFrom('cbr_key_rate_fetch').selectAll().where('id', '=', 1).executeTakeFirst()
      return {
        lastAttemptAt: r?.last_attempt_at ?? null,
        lastSuccessAt: r?.last_success_at ?? null,
        lastError: r?.last_error ?? null,
        failingSince: r?.failing_since ?? null,
      }
    },
    /** A success clears the failure; a failure keeps the moment the failing began. */
    async recordAttempt(at: Date, error: string | null): Promise<void> {
      const values =
        error === null
          ? { last_attempt_at: at, last_success_at: at, last_error: null, failing_since: null }
          : { last_attempt_at: at, last_error: error.slice(0, 500) }
      await db
        .insertInto('cbr_key_rate_fetch')
        .values({ id: 1, ...values, ...(error === null ? {} : { failing_since: at }) })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) =>
            error === null
              ? values
              : {
                  ...values,
                  failing_since: sql<Date>`coalesce(${eb.ref('cbr_key_rate_fetch.failing_since')}, ${at})`,
                },
          ),
        )
        .execute()
    },
  }
}
