// The review list of "reminders wait for review" (migration 130): one line per counterparty per day,
// its message as JSON; a line leaves 'pending' exactly once (every decision is a compare-and-set).
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { day } from './ledger-sql.ts'

export type ReviewStatus = 'pending' | 'approved' | 'skipped' | 'dropped' | 'expired'

export interface ReviewLine<M = unknown> {
  id: number
  counterpartyId: number
  day: string
  status: ReviewStatus
  message: M
  edited: boolean
  decidedBy: string | null
}

const columns = ['id', 'counterparty_id', day('day').as('day'), 'status', 'message', 'edited', 'decided_by'] as const

const norm = <M>(r: Record<string, unknown>): ReviewLine<M> => ({
  id: Number(r.id),
  counterpartyId: Number(r.counterparty_id),
  day: String(r.day),
  status: r.status as ReviewStatus,
  message: (typeof r.message === 'string' ? JSON.parse(r.message) : r.message) as M,
  edited: Boolean(r.edited),
  decidedBy: (r.decided_by as string | null) ?? null,
})

export function dunningReviewRepository(db: Db) {
  return {
    /** The line of a counterparty's day, once: a second insert (a retried job) changes nothing. */
    async insert(memberId: string, counterpartyId: number, onDay: string, message: unknown): Promise<boolean> {
      const r = await db
        .insertInto('dunning_review')
        .values({ member_id: memberId, counterparty_id: counterpartyId, day: onDay, message: JSON.stringify(message) })
        .onConflict((oc) => oc.columns(['member_id', 'counterparty_id', 'day']).doNothing())
        .returning('id')
        .executeTakeFirst()
      return Boolean(r)
    },
    async get<M>(memberId: string, id: number): Promise<ReviewLine<M> | null> {
      const r = await db
        .selectFrom('dunning_review')
        .select([...columns])
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? norm<M>(r as Record<string, unknown>) : null
    },
    async pending<M>(memberId: string, onDay: string): Promise<ReviewLine<M>[]> {
      const rows = await db
        .selectFrom('dunning_review')
        .select([...columns])
        .where('member_id', '=', memberId)
        .where('day', '=', onDay)
        .where('status', '=', 'pending')
        .orderBy('id')
        .execute()
      return rows.map((r) => norm<M>(r as Record<string, unknown>))
    },
    /** Moves a pending line to its decision; false when it was no longer pending (decided already). */
    async decide(memberId: string, id: number, status: Exclude<ReviewStatus, 'pending'>, actor: string) {
      const r = await db
        .updateTable('dunning_review')
        .set({ status, decided_by: actor, decided_at: sql<Date>`now()` })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .returning('id')
        .executeTakeFirst()
      return Boolean(r)
    },
    /** A person's edit of a pending line (step or text); false when it was decided meanwhile. */
    async edit(memberId: string, id: number, message: unknown, edited: boolean): Promise<boolean> {
      const r = await db
        .updateTable('dunning_review')
        .set({ message: JSON.stringify(message), edited })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .returning('id')
        .executeTakeFirst()
      return Boolean(r)
    },
    /** Lines of past days nobody reviewed: the next morning's scan queues what is still due again. */
    async expireBefore(memberId: string, onDay: string): Promise<number> {
      const r = await db
        .updateTable('dunning_review')
        .set({ status: 'expired', decided_by: 'system', decided_at: sql<Date>`now()` })
        .where('member_id', '=', memberId)
        .where('day', '<', onDay)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      return Number(r.numUpdatedRows)
    },
  }
}
export type DunningReviewRepository = ReturnType<typeof dunningReviewRepository>
