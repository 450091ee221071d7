// Payments of the ledger: positive entries, and reversals as negative entries referencing the
// original (never a delete). The source reference is unique per portal: a payment recorded twice
// is recorded once.
import type { Db } from '../database.ts'
import { day } from './ledger-sql.ts'

export type PaymentSource = 'manual' | 'bank-statement' | 'robot' | 'api' | 'reversal'

export interface Payment {
  id: number
  receivableId: number
  amount: number
  paidOn: string
  source: PaymentSource
  sourceRef: string
  reversalOf: number | null
  reversedBy: number | null
  comment: string | null
  actor: string
  createdAt: string
}

export interface NewPayment {
  receivableId: number
  amount: number
  paidOn: string
  source: PaymentSource
  sourceRef: string
  reversalOf?: number | null
  comment?: string | null
  actor: string
}

export function paymentsRepository(db: Db) {
  const base = (memberId: string) =>
    db
      .selectFrom('payments as p')
      .leftJoin('payments as x', 'x.reversal_of', 'p.id')
      .select([
        'p.id',
        'p.receivable_id',
        'p.amount',
        'p.source',
        'p.source_ref',
        'p.reversal_of',
        'p.comment',
        'p.actor',
        'p.created_at',
        'x.id as reversed_by',
        day('p.paid_on').as('paid_on'),
      ])
      .where('p.member_id', '=', memberId)
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>
  const toPayment = (r: Row): Payment => ({
    id: Number(r.id),
    receivableId: Number(r.receivable_id),
    amount: Number(r.amount),
    paidOn: r.paid_on,
    source: r.source,
    sourceRef: r.source_ref,
    reversalOf: r.reversal_of === null ? null : Number(r.reversal_of),
    reversedBy: r.reversed_by === null ? null : Number(r.reversed_by),
    comment: r.comment,
    actor: r.actor,
    createdAt: new Date(r.created_at).toISOString(),
  })
  return {
    /** Inserts the entry; when the source reference was already recorded returns the existing one with `duplicate`. */
    async insertOnce(memberId: string, p: NewPayment): Promise<{ payment: Payment; duplicate: boolean }> {
      const inserted = await db
        .insertInto('payments')
        .values({
          member_id: memberId,
          receivable_id: p.receivableId,
          amount: p.amount,
          paid_on: p.paidOn,
          source: p.source,
          source_ref: p.sourceRef,
          reversal_of: p.reversalOf ?? null,
          comment: p.comment ?? null,
          actor: p.actor,
        })
        .onConflict((oc) => oc.columns(['member_id', 'source_ref']).doNothing())
        .returning('id')
        .executeTakeFirst()
      const row = await base(memberId).where('p.source_ref', '=', p.sourceRef).executeTakeFirstOrThrow()
      return { payment: toPayment(row), duplicate: !inserted }
    },
    async get(memberId: string, id: number): Promise<Payment | null> {
      const r = await base(memberId).where('p.id', '=', id).executeTakeFirst()
      return r ? toPayment(r) : null
    },
    async listByReceivable(memberId: string, receivableId: number): Promise<Payment[]> {
      return (
        await base(memberId).where('p.receivable_id', '=', receivableId).orderBy('p.paid_on').orderBy('p.id').execute()
      ).map(toPayment)
    },
  }
}
