// The deal or smart invoice each receivable was made from (migration 170). The primary key (portal, type,
// source id) is what keeps one receivable per source under duplicated events and retried jobs.
import type { Db } from '../database.ts'

export interface SourceLink {
  sourceType: number
  sourceId: number
  receivableId: number
  /** the source's amount (kopecks) the receivable last followed */
  amount: number
  /** the amount a change after sending was last reported at */
  frozenAmount: number | null
}

export function sourceReceivablesRepository(db: Db) {
  const base = (memberId: string) => db.selectFrom('source_receivables').selectAll().where('member_id', '=', memberId)
  const toLink = (r: {
    source_type: number
    source_id: number | string
    receivable_id: number | string
    amount: number | string
    frozen_amount: number | string | null
  }): SourceLink => ({
    sourceType: Number(r.source_type),
    sourceId: Number(r.source_id),
    receivableId: Number(r.receivable_id),
    amount: Number(r.amount),
    frozenAmount: r.frozen_amount === null ? null : Number(r.frozen_amount),
  })
  return {
    async find(memberId: string, sourceType: number, sourceId: number): Promise<SourceLink | null> {
      const r = await base(memberId)
        .where('source_type', '=', sourceType)
        .where('source_id', '=', sourceId)
        .executeTakeFirst()
      return r ? toLink(r) : null
    },
    async ofReceivable(memberId: string, receivableId: number): Promise<SourceLink | null> {
      const r = await base(memberId).where('receivable_id', '=', receivableId).executeTakeFirst()
      return r ? toLink(r) : null
    },
    /** Fails with a unique violation (23505) when the source already has its receivable. */
    async insert(memberId: string, l: Omit<SourceLink, 'frozenAmount'>): Promise<void> {
      await db
        .insertInto('source_receivables')
        .values({
          member_id: memberId,
          source_type: l.sourceType,
          source_id: l.sourceId,
          receivable_id: l.receivableId,
          amount: l.amount,
          frozen_amount: null,
        })
        .execute()
    },
    /** Compare-and-set on the amount followed: false when another job moved it first. */
    async setAmount(memberId: string, l: SourceLink, amount: number): Promise<boolean> {
      const r = await db
        .updateTable('source_receivables')
        .set({ amount })
        .where('member_id', '=', memberId)
        .where('source_type', '=', l.sourceType)
        .where('source_id', '=', l.sourceId)
        .where('amount', '=', l.amount)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
    async setFrozenAmount(memberId: string, l: SourceLink, amount: number): Promise<void> {
      await db
        .updateTable('source_receivables')
        .set({ frozen_amount: amount })
        .where('member_id', '=', memberId)
        .where('source_type', '=', l.sourceType)
        .where('source_id', '=', l.sourceId)
        .execute()
    },
  }
}
