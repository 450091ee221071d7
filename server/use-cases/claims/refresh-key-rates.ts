// The daily key-rate fetch from the Bank of Russia: reads the rate by day since the table's last
// row, stores the days it changed (global, for every portal), and records the attempt. A failure or
// an answer that does not parse keeps the table as it is; one fetch a day is enough, and after a
// failure the next try waits an hour however many portals' jobs ask.
import {
  BUILTIN_KEY_RATES,
  keyRateChanges,
  keyRateOn,
  mergeKeyRates,
  parseCbrKeyRateDays,
  PenaltyError,
  type KeyRate,
} from '../../domain/penalties/index.ts'
import { localDateOf } from '../../domain/calendar/index.ts'
import { createCbrClient, type CbrClient } from '../../channels/cbr-client.ts'
import type { AppDeps } from '../app-deps.ts'
import type { Db } from '../../storage/database.ts'
import type { Logger } from '../../lib/logger.ts'
import { keyRatesRepository } from '../../storage/repositories/key-rates.ts'
import { inTransaction } from '../../storage/transaction.ts'

export interface KeyRateFetchDeps {
  db: Db
  log: Logger
  /** null when the fetch is off (APP_CBR_URL=off, or tests that do not name the service). */
  cbr: CbrClient | null
  now: () => Date
}

export type KeyRateRefresh =
  | { status: 'off' | 'fresh' | 'waiting' }
  | { status: 'fetched'; added: KeyRate[] }
  | { status: 'failed'; reason: string }

const BANK_ZONE = 'Europe/Moscow'
const RETRY_AFTER_MS = 60 * 60 * 1000

/** The built-in rows with the fetched ones over them (a fetched row on a built-in date corrects it). */
export function baseKeyRates(fetched: readonly KeyRate[]): KeyRate[] {
  const byDate = new Map<string, KeyRate>()
  for (const r of [...BUILTIN_KEY_RATES, ...fetched]) byDate.set(r.from, r)
  return [...byDate.values()].sort((a, b) => (a.from < b.from ? -1 : 1))
}

export async function refreshKeyRates(deps: KeyRateFetchDeps, o: { force?: boolean } = {}): Promise<KeyRateRefresh> {
  if (!deps.cbr) return { status: 'off' }
  const repo = keyRatesRepository(deps.db)
  const now = deps.now()
  const today = localDateOf(BANK_ZONE, now.getTime())
  const state = await repo.state()
  if (!o.force && state.lastSuccessAt && localDateOf(BANK_ZONE, state.lastSuccessAt.getTime()) === today)
    return { status: 'fresh' }
  if (
    !o.force &&
    state.lastError &&
    state.lastAttemptAt &&
    now.getTime() - state.lastAttemptAt.getTime() < RETRY_AFTER_MS
  )
    return { status: 'waiting' }
  const base = baseKeyRates(await repo.list())
  const table = mergeKeyRates([], base)
  const from = table.rows[table.rows.length - 1].from
  const answer = await deps.cbr.keyRateXml(from < today ? from : today, today)
  const fail = async (reason: string): Promise<KeyRateRefresh> => {
    await repo.recordAttempt(now, reason)
    deps.log.warn({ reason }, 'key-rate.fetch-failed')
    return { status: 'failed', reason }
  }
  if (!answer.ok) return fail(answer.reason)
  let added: KeyRate[]
  try {
    const days = parseCbrKeyRateDays(answer.xml).filter((d) => d.from <= today)
    added = keyRateChanges(days, (d) => (d >= table.rows[0].from ? keyRateOn(table, d) : null))
    mergeKeyRates([], baseKeyRates([...base, ...added]))
  } catch (e) {
    if (e instanceof PenaltyError) return fail(e.message)
    throw e
  }
  await inTransaction(deps.db, async (tx) => {
    await keyRatesRepository(tx).save(added, now)
    await keyRatesRepository(tx).recordAttempt(now, null)
  })
  deps.log.info({ added: added.length }, 'key-rate.fetched')
  return { status: 'fetched', added }
}

/** The fetch's dependencies from the app's. */
export function keyRateFetchDeps(ctx: AppDeps): KeyRateFetchDeps {
  const url = ctx.config.keyRates.cbrUrl
  return { db: ctx.database.db, log: ctx.log, cbr: url ? createCbrClient({ url }) : null, now: () => ctx.clock.now() }
}
