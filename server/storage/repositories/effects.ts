import { sql } from 'kysely'
import type { Db } from '../database.ts'

export type EffectClaim<T> =
  | { state: 'new' }
  | { state: 'pending'; ageMs: number } // a previous attempt started (ageMs ago) and may or may not have reached the portal
  | { state: 'done'; result: T }

/**
 * Side effects happen once (ARCHITECTURE.md). Usage in a job:
 *   const c = await effects.claim(key, memberId)
 *   if (c.state === 'done') return c.result
 *   if (c.state === 'pending') { look the effect up in the portal (by a marker) before writing again }
 *   const result = await portalWrite(); await effects.complete(key, result)
 */
export function effectsRepository(db: Db) {
  return {
    async claim<T>(key: string, memberId: string): Promise<EffectClaim<T>> {
      const inserted = await db
        .insertInto('effects')
        .values({ key, member_id: memberId, status: 'pending' })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst()
      if (inserted) return { state: 'new' }
      const row = await db
        .selectFrom('effects')
        .select(['status', 'result', 'created_at'])
        .where('key', '=', key)
        .executeTakeFirstOrThrow()
      return row.status === 'done'
        ? { state: 'done', result: row.result as T }
        : { state: 'pending', ageMs: Math.max(0, Date.now() - new Date(row.created_at).getTime()) }
    },
    async complete(key: string, result: unknown): Promise<void> {
      await db
        .updateTable('effects')
        .set({ status: 'done', result: JSON.stringify(result ?? null), done_at: new Date() })
        .where('key', '=', key)
        .execute()
    },
    /** The attempt is still at work: renews its lease (see writeOnce). */
    async touch(key: string): Promise<void> {
      await db
        .updateTable('effects')
        .set({ created_at: sql<Date>`now()` })
        .where('key', '=', key)
        .where('status', '=', 'pending')
        .execute()
    },
    /** Takes over a "pending" whose attempt is older than `olderThanMs` (by the database clock): exactly one of
     *  several jobs racing for it wins (the lease restarts now); the others see a fresh lease and wait. */
    async takeOver(key: string, olderThanMs: number): Promise<boolean> {
      const r = await db
        .updateTable('effects')
        .set({ created_at: sql<Date>`now()` })
        .where('key', '=', key)
        .where('status', '=', 'pending')
        .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
    /** The pending attempt's lease started less than `withinMs` ago (by the database clock). */
    async leaseFresh(key: string, withinMs: number): Promise<boolean> {
      const r = await db
        .selectFrom('effects')
        .select('key')
        .where('key', '=', key)
        .where('status', '=', 'pending')
        .where('created_at', '>', sql<Date>`now() - make_interval(secs => ${withinMs / 1000})`)
        .executeTakeFirst()
      return Boolean(r)
    },
    /** The attempt ended without knowing whether the write reached the portal: the next attempt looks it up at once. */
    async abandon(key: string): Promise<void> {
      await db
        .updateTable('effects')
        .set({ created_at: new Date(0) })
        .where('key', '=', key)
        .where('status', '=', 'pending')
        .execute()
    },
    async release(key: string): Promise<void> {
      await db.deleteFrom('effects').where('key', '=', key).where('status', '=', 'pending').execute()
    },
    async get<T>(key: string): Promise<{ status: 'pending' | 'done'; result: T | null } | null> {
      const r = await db.selectFrom('effects').select(['status', 'result']).where('key', '=', key).executeTakeFirst()
      return r ? { status: r.status, result: r.result as T | null } : null
    },
    async countByPrefix(prefix: string): Promise<number> {
      const r = await db
        .selectFrom('effects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('key', 'like', `${prefix}%`)
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },
  }
}
export type EffectsRepository = ReturnType<typeof effectsRepository>
