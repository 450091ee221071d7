// Read side of the receivables for the tabs: one page with sort on every column, search and
// filters (SQL with indexes, LIMIT/OFFSET), debt lines for the header, open debts for ageing.
import { sql, type Expression, type SqlBool } from 'kysely'
import type { Db } from '../database.ts'
import { day } from './ledger-sql.ts'

export type ListFilter = 'all' | 'open' | 'overdue' | 'paid' | 'sent' | 'due-soon' | 'stuck'
export type ListSort =
  | 'invoiceNumber'
  | 'invoiceDate'
  | 'dueDate'
  | 'amount'
  | 'paid'
  | 'remaining'
  | 'stage'
  | 'daysOverdue'
  | 'contractNumber'
  | 'counterpartyName'

export interface ListQuery {
  /** One receivable (detail view). */
  id?: number
  counterpartyId?: number
  contractId?: number | null
  q?: string
  filter: ListFilter
  sort: ListSort
  dir: 'asc' | 'desc'
  limit: number
  offset: number
  /** The portal's local date (filter "overdue" and sort "daysOverdue"). */
  today: string
  /** days of the "due soon" and "stuck" filters (admin page); the defaults when absent */
  thresholds?: { dueSoonDays: number; stuckDays: number }
}

/** The last payment, stage move or contact with the client (a reminder or a message sent), as a date. */
const LAST_ACTIVITY = sql<string>`GREATEST(r.invoice_date, r.last_payment_on, (r.stage_changed_at)::date,
  (SELECT max(l.on_date) FROM dunning_log l
    WHERE l.member_id = r.member_id AND l.receivable_id = r.id AND l.status = 'sent'))`

export interface ListRow {
  id: number
  itemId: number | null
  counterpartyId: number
  counterpartyName: string
  contractId: number | null
  contractNumber: string | null
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  effectiveDueDate: string
  amount: number
  paid: number
  remaining: number
  currency: string
  stage: string
  manualStage: boolean
  /** 'YYYY-MM-DD': the last payment, stage move or contact (the "stuck" status) */
  lastActivityOn: string | null
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

export function receivablesQuery(db: Db) {
  const from = (memberId: string) =>
    db
      .selectFrom('receivables as r')
      .innerJoin('counterparties as c', 'c.id', 'r.counterparty_id')
      .leftJoin('contracts as k', 'k.id', 'r.contract_id')
      .where('r.member_id', '=', memberId)

  function filtered(memberId: string, q: ListQuery) {
    let b = from(memberId)
    if (q.id !== undefined) b = b.where('r.id', '=', q.id)
    if (q.counterpartyId !== undefined) b = b.where('r.counterparty_id', '=', q.counterpartyId)
    if (q.contractId !== undefined)
      b = q.contractId === null ? b.where('r.contract_id', 'is', null) : b.where('r.contract_id', '=', q.contractId)
    if (q.filter === 'open') b = b.where('r.remaining', '>', 0).where('r.stage', '<>', 'FAIL')
    if (q.filter === 'overdue')
      b = b.where('r.remaining', '>', 0).where('r.stage', '<>', 'FAIL').where('r.effective_due_date', '<', q.today)
    if (q.filter === 'paid') b = b.where('r.remaining', '=', 0)
    const th = q.thresholds ?? { dueSoonDays: 5, stuckDays: 14 }
    const open = () => b.where('r.remaining', '>', 0).where('r.stage', '<>', 'FAIL')
    const soonEnd = sql<string>`(${q.today}::date + ${th.dueSoonDays}::int)`
    if (q.filter === 'sent') b = open().where('r.stage', '=', 'SENT').where('r.effective_due_date', '>', soonEnd)
    if (q.filter === 'due-soon')
      b = open().where('r.effective_due_date', '>=', q.today).where('r.effective_due_date', '<=', soonEnd)
    if (q.filter === 'stuck')
      b = open()
        .where('r.effective_due_date', '<', q.today)
        .where(sql<SqlBool>`${LAST_ACTIVITY} <= (${q.today}::date - ${th.stuckDays}::int)`)
    if (q.q) {
      const like = `%${escapeLike(q.q)}%`
      b = b.where(
        (eb) =>
          eb.or([
            eb('r.invoice_number', 'ilike', like),
            eb('k.number', 'ilike', like),
            eb('c.name', 'ilike', like),
          ]) as Expression<SqlBool>,
      )
    }
    return b
  }

  const sortExpr = (s: ListSort, today: string) =>
    ({
      invoiceNumber: sql`r.invoice_number`,
      invoiceDate: sql`r.invoice_date`,
      dueDate: sql`r.due_date`,
      amount: sql`r.amount`,
      paid: sql`r.paid`,
      remaining: sql`r.remaining`,
      stage: sql`r.stage`,
      contractNumber: sql`k.number`,
      counterpartyName: sql`c.name`,
      daysOverdue: sql`(CASE WHEN r.remaining > 0 THEN GREATEST(${today}::date - r.effective_due_date, 0) ELSE 0 END)`,
    })[s]

  return {
    async page(memberId: string, q: ListQuery): Promise<{ rows: ListRow[]; total: number }> {
      const dir = q.dir === 'desc' ? sql`DESC` : sql`ASC`
      const [rows, count] = await Promise.all([
        filtered(memberId, q)
          .select([
            'r.id',
            'r.item_id',
            'r.counterparty_id',
            'c.name as counterparty_name',
            'r.contract_id',
            'k.number as contract_number',
            'r.invoice_number',
            'r.amount',
            'r.paid',
            'r.remaining',
            'r.currency',
            'r.stage',
            'r.manual_stage',
            day('r.invoice_date').as('invoice_date'),
            day('r.due_date').as('due_date'),
            day('r.effective_due_date').as('effective_due_date'),
            sql<string | null>`to_char(${LAST_ACTIVITY}, 'YYYY-MM-DD')`.as('last_activity_on'),
          ])
          .orderBy(sql`${sortExpr(q.sort, q.today)} ${dir} NULLS LAST`)
          .orderBy('r.id', q.dir === 'desc' ? 'desc' : 'asc')
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
        filtered(memberId, q)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ])
      return {
        total: Number(count.n),
        rows: rows.map((r) => ({
          id: Number(r.id),
          itemId: r.item_id,
          counterpartyId: Number(r.counterparty_id),
          counterpartyName: r.counterparty_name,
          contractId: r.contract_id === null ? null : Number(r.contract_id),
          contractNumber: r.contract_number,
          invoiceNumber: r.invoice_number,
          invoiceDate: r.invoice_date,
          dueDate: r.due_date,
          effectiveDueDate: r.effective_due_date,
          amount: Number(r.amount),
          paid: Number(r.paid),
          remaining: Number(r.remaining),
          currency: r.currency,
          stage: r.stage,
          manualStage: r.manual_stage,
          lastActivityOn: r.last_activity_on,
        })),
      }
    },
    /** Every receivable of a counterparty as debt lines (for the header). */
    async debtLines(memberId: string, counterpartyId: number) {
      const rows = await db
        .selectFrom('receivables')
        .select(['amount', 'paid', 'remaining', 'stage', day('effective_due_date').as('due')])
        .where('member_id', '=', memberId)
        .where('counterparty_id', '=', counterpartyId)
        .execute()
      return rows.map((r) => ({
        amount: Number(r.amount),
        paid: Number(r.paid),
        remaining: Number(r.remaining),
        effectiveDueDate: r.due,
        closed: r.stage === 'FAIL',
      }))
    },
    /** Open debts (remaining > 0, not written off) of the portal or one counterparty, with our legal entity named on their contract (null without one). */
    async openDebts(memberId: string, counterpartyId?: number) {
      let q = db
        .selectFrom('receivables as r')
        .leftJoin('contracts as k', 'k.id', 'r.contract_id')
        .select(['r.counterparty_id', 'r.remaining', day('r.effective_due_date').as('due'), 'k.legal_entity'])
        .where('r.member_id', '=', memberId)
        .where('r.remaining', '>', 0)
        .where('r.stage', '<>', 'FAIL')
      if (counterpartyId !== undefined) q = q.where('r.counterparty_id', '=', counterpartyId)
      return (await q.execute()).map((r) => ({
        counterpartyId: Number(r.counterparty_id),
        remaining: Number(r.remaining),
        effectiveDueDate: r.due,
        legalEntity: r.legal_entity,
      }))
    },
    /** Open, overdue receivables that have a portal item (the daily days-overdue refresh). */
    async overdueItems(memberId: string, today: string) {
      const rows = await db
        .selectFrom('receivables')
        .select(['item_id', 'remaining', day('effective_due_date').as('due')])
        .where('member_id', '=', memberId)
        .where('remaining', '>', 0)
        .where('stage', '<>', 'FAIL')
        .where('item_id', 'is not', null)
        .where('effective_due_date', '<', today)
        .orderBy('id')
        .execute()
      return rows.map((r) => ({ itemId: r.item_id as number, remaining: Number(r.remaining), effectiveDueDate: r.due }))
    },
    async contractTotals(memberId: string, counterpartyId: number) {
      const rows = await db
        .selectFrom('receivables')
        .where('member_id', '=', memberId)
        .where('counterparty_id', '=', counterpartyId)
        .groupBy('contract_id')
        .select((eb) => [
          'contract_id',
          eb.fn.sum<number>('amount').as('amount'),
          eb.fn.sum<number>('paid').as('paid'),
          eb.fn.sum<number>('remaining').as('remaining'),
          eb.fn.countAll<number>().as('count'),
        ])
        .execute()
      return rows.map((r) => ({
        contractId: r.contract_id === null ? null : Number(r.contract_id),
        amount: Number(r.amount),
        paid: Number(r.paid),
        remaining: Number(r.remaining),
        count: Number(r.count),
      }))
    },
    async counterpartiesByIds(memberId: string, ids: number[]) {
      const out = []
      // in chunks: a full export names every debtor, far past the bind-parameter limit
      for (let i = 0; i < ids.length; i += 5000) {
        out.push(
          ...(await db
            .selectFrom('counterparties')
            .select(['id', 'entity_type', 'entity_id', 'name', 'inn'])
            .where('member_id', '=', memberId)
            .where('id', 'in', ids.slice(i, i + 5000))
            .execute()),
        )
      }
      return out
    },
  }
}
