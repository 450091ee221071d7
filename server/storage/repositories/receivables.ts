// Receivables of the ledger: one row per invoice (a Receivables item in the portal). Every query
// filters by member_id: a receivable of another portal is "not found".
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { day, dayOrNull } from './ledger-sql.ts'

import type { CounterpartyTotals, NewReceivable, Receivable, TermsPatch } from './receivable-records.ts'
export type { CounterpartyTotals, NewReceivable, Receivable, TermsPatch } from './receivable-records.ts'

const plain = [
  'id',
  'member_id',
  'counterparty_id',
  'contract_id',
  'item_id',
  'invoice_number',
  'amount',
  'currency',
  'paid',
  'remaining',
  'last_payment_amount',
  'stage',
  'manual_stage',
  'overdue_applied',
  'responsible_id',
  'version',
] as const

export function receivablesRepository(db: Db) {
  const base = (memberId: string) =>
    db
      .selectFrom('receivables')
      .select([
        ...plain,
        day('invoice_date').as('invoice_date'),
        day('due_date').as('due_date'),
        day('effective_due_date').as('effective_due_date'),
        dayOrNull('last_payment_on').as('last_payment_on'),
      ])
      .where('member_id', '=', memberId)
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>
  const toReceivable = (r: Row): Receivable => ({
    id: Number(r.id),
    memberId: r.member_id,
    counterpartyId: Number(r.counterparty_id),
    contractId: r.contract_id === null ? null : Number(r.contract_id),
    itemId: r.item_id,
    invoiceNumber: r.invoice_number,
    invoiceDate: r.invoice_date,
    dueDate: r.due_date,
    effectiveDueDate: r.effective_due_date,
    amount: Number(r.amount),
    currency: r.currency,
    paid: Number(r.paid),
    remaining: Number(r.remaining),
    lastPaymentOn: r.last_payment_on,
    lastPaymentAmount: r.last_payment_amount === null ? null : Number(r.last_payment_amount),
    stage: r.stage,
    manualStage: r.manual_stage,
    overdueApplied: r.overdue_applied,
    responsibleId: r.responsible_id,
    version: r.version,
  })
  return {
    async insert(memberId: string, n: NewReceivable): Promise<Receivable> {
      const { id } = await db
        .insertInto('receivables')
        .values({
          member_id: memberId,
          counterparty_id: n.counterpartyId,
          contract_id: n.contractId,
          item_id: n.itemId,
          invoice_number: n.invoiceNumber,
          invoice_date: n.invoiceDate,
          due_date: n.dueDate,
          effective_due_date: n.effectiveDueDate,
          amount: n.amount,
          currency: n.currency,
          stage: n.stage,
          responsible_id: n.responsibleId,
          created_by: n.createdBy,
          created_source: n.createdSource,
          last_payment_on: null,
          last_payment_amount: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return toReceivable(await base(memberId).where('id', '=', id).executeTakeFirstOrThrow())
    },
    /** `forUpdate` locks the row for the rest of the transaction (money changes are serialized per receivable). */
    async get(memberId: string, id: number, o: { forUpdate?: boolean } = {}): Promise<Receivable | null> {
      let q = base(memberId).where('id', '=', id)
      if (o.forUpdate) q = q.forUpdate()
      const r = await q.executeTakeFirst()
      return r ? toReceivable(r) : null
    },
    async getByItem(memberId: string, itemId: number, o: { forUpdate?: boolean } = {}): Promise<Receivable | null> {
      let q = base(memberId).where('item_id', '=', itemId)
      if (o.forUpdate) q = q.forUpdate()
      const r = await q.executeTakeFirst()
      return r ? toReceivable(r) : null
    },
    /** The counterparty's invoice with this number (compared trimmed, in any letter case), if any. */
    async findByNumber(memberId: string, counterpartyId: number, invoiceNumber: string): Promise<Receivable | null> {
      const r = await base(memberId)
        .where('counterparty_id', '=', counterpartyId)
        .where(sql<string>`lower(trim(invoice_number))`, '=', invoiceNumber.trim().toLowerCase())
        .limit(1)
        .executeTakeFirst()
      return r ? toReceivable(r) : null
    },
    async listByCounterparty(memberId: string, counterpartyId: number, limit = 5000): Promise<Receivable[]> {
      return (
        await base(memberId)
          .where('counterparty_id', '=', counterpartyId)
          .orderBy('invoice_date', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute()
      ).map(toReceivable)
    },
    /** Open receivables whose effective due date is before `today` and not yet moved to Overdue. */
    async listNewlyOverdue(memberId: string, today: string, limit = 1000): Promise<Receivable[]> {
      return (
        await base(memberId)
          .where('remaining', '>', 0)
          .where('overdue_applied', '=', false)
          .where('effective_due_date', '<', today)
          .orderBy('id')
          .limit(limit)
          .execute()
      ).map(toReceivable)
    },
    async setItemId(memberId: string, id: number, itemId: number): Promise<void> {
      await db
        .updateTable('receivables')
        .set({ item_id: itemId, updated_at: new Date() })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .execute()
    },
    async updateTerms(memberId: string, id: number, p: TermsPatch): Promise<void> {
      await db
        .updateTable('receivables')
        .set({
          ...(p.invoiceNumber !== undefined ? { invoice_number: p.invoiceNumber } : {}),
          ...(p.invoiceDate !== undefined ? { invoice_date: p.invoiceDate } : {}),
          ...(p.dueDate !== undefined ? { due_date: p.dueDate } : {}),
          ...(p.effectiveDueDate !== undefined
            ? { effective_due_date: p.effectiveDueDate, overdue_applied: false }
            : {}),
          ...(p.amount !== undefined ? { amount: p.amount } : {}),
          ...(p.currency !== undefined ? { currency: p.currency } : {}),
          ...(p.responsibleId !== undefined ? { responsible_id: p.responsibleId } : {}),
          ...(p.contractId !== undefined ? { contract_id: p.contractId } : {}),
          ...(p.counterpartyId !== undefined ? { counterparty_id: p.counterpartyId } : {}),
          version: sql<number>`version + 1`,
          updated_at: new Date(),
        })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .execute()
    },
    /** Stores the balance the domain computed from the entries (the entries are the truth). */
    async setBalance(
      memberId: string,
      id: number,
      b: { paid: number; lastPayment: { amount: number; paidOn: string } | null },
    ): Promise<void> {
      await db
        .updateTable('receivables')
        .set({
          paid: b.paid,
          last_payment_on: b.lastPayment?.paidOn ?? null,
          last_payment_amount: b.lastPayment?.amount ?? null,
          version: sql<number>`version + 1`,
          updated_at: new Date(),
        })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .execute()
    },
    /** Records the stage; `manual` marks a move made by a person (respected by the automation). */
    async setStage(
      memberId: string,
      id: number,
      stage: string,
      manual: boolean,
      o: { overdueApplied?: boolean; at?: Date } = {},
    ): Promise<void> {
      await db
        .updateTable('receivables')
        .set({
          stage,
          manual_stage: manual,
          // only a real move counts for the "stuck" status (a re-sync of the same stage does not)
          stage_changed_at: sql<Date>`CASE WHEN stage IS DISTINCT FROM ${stage}
            THEN ${o.at ?? new Date()}::timestamptz ELSE stage_changed_at END`,
          ...(o.overdueApplied !== undefined ? { overdue_applied: o.overdueApplied } : {}),
          updated_at: new Date(),
        })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .execute()
    },
    /** Sums of a counterparty's receivables for its totals comment and header. */
    async counterpartyTotals(memberId: string, counterpartyId: number): Promise<CounterpartyTotals> {
      const r = await db
        .selectFrom('receivables')
        .where('member_id', '=', memberId)
        .where('counterparty_id', '=', counterpartyId)
        .select((eb) => [
          eb.fn.coalesce(eb.fn.sum<number>('amount'), sql<number>`0`).as('total'),
          eb.fn.coalesce(eb.fn.sum<number>('paid'), sql<number>`0`).as('paid'),
          eb.fn.coalesce(eb.fn.sum<number>('remaining'), sql<number>`0`).as('remaining'),
          sql<number>`COALESCE(sum(GREATEST(paid - amount, 0)), 0)`.as('advance'),
          sql<number>`count(*) FILTER (WHERE remaining > 0 AND stage <> 'FAIL')`.as('open_count'),
          sql<string | null>`to_char(max(last_payment_on), 'YYYY-MM-DD')`.as('last_on'),
          sql<number | null>`(array_agg(last_payment_amount ORDER BY last_payment_on DESC NULLS LAST, id DESC))[1]`.as(
            'last_amount',
          ),
        ])
        .executeTakeFirstOrThrow()
      return {
        total: Number(r.total),
        paid: Number(r.paid),
        remaining: Number(r.remaining),
        advance: Number(r.advance),
        openCount: Number(r.open_count),
        lastPayment: r.last_on && r.last_amount !== null ? { paidOn: r.last_on, amount: Number(r.last_amount) } : null,
      }
    },
    async markOverdueApplied(memberId: string, id: number): Promise<void> {
      await db
        .updateTable('receivables')
        .set({ overdue_applied: true })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .execute()
    },
  }
}
