// Statement lines: reading them (by key, by import, by status, near a payment) and recording the
// decision on each (matched, review, dismissed, the planned allocations).
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { LineAllocation, StatementLineStatus } from '../tables/statements.ts'
import { dayOrNull } from './ledger-sql.ts'

const PENDING_PAGE = 1000

export interface NewStatementLine {
  lineKey: string
  position: number
  direction: 'incoming' | 'outgoing' | 'unknown'
  docNumber: string
  valueDate: string | null
  amount: number
  payerInn: string | null
  payerKpp: string | null
  payerName: string
  purpose: string
}
export interface StatementLine extends NewStatementLine {
  id: number
  importId: number
  status: StatementLineStatus
  rule: string | null
  reason: string | null
  counterpartyId: number | null
  candidates: number[]
  allocations: LineAllocation[]
  resolvedBy: string | null
  /** the API line this statement line repeats (the same payment through the other channel) */
  duplicateOf: number | null
}

export function statementLineQueries(db: Db) {
  const lineQuery = () =>
    db
      .selectFrom('statement_lines')
      .select([
        'id',
        'import_id',
        'line_key',
        'position',
        'direction',
        'doc_number',
        dayOrNull('value_date').as('value_date'),
        'amount',
        'payer_inn',
        'payer_kpp',
        'payer_name',
        'purpose',
        'status',
        'rule',
        'reason',
        'counterparty_id',
        'candidates',
        'allocations',
        'resolved_by',
        'duplicate_of',
      ])
  type LineRow = Awaited<ReturnType<ReturnType<typeof lineQuery>['execute']>>[number]
  const toLine = (r: LineRow): StatementLine => ({
    id: Number(r.id),
    importId: Number(r.import_id),
    lineKey: r.line_key,
    position: r.position,
    direction: r.direction,
    docNumber: r.doc_number,
    valueDate: r.value_date,
    amount: Number(r.amount),
    payerInn: r.payer_inn,
    payerKpp: r.payer_kpp,
    payerName: r.payer_name,
    purpose: r.purpose,
    status: r.status,
    rule: r.rule,
    reason: r.reason,
    counterpartyId: r.counterparty_id === null ? null : Number(r.counterparty_id),
    candidates: r.candidates,
    allocations: r.allocations,
    resolvedBy: r.resolved_by,
    duplicateOf: r.duplicate_of === null ? null : Number(r.duplicate_of),
  })
  return {
    async lineByKey(memberId: string, lineKey: string): Promise<StatementLine | null> {
      const r = await lineQuery().where('member_id', '=', memberId).where('line_key', '=', lineKey).executeTakeFirst()
      return r ? toLine(r) : null
    },
    /**
     * In pages of PENDING_PAGE (keyset on position, then id): one statement reading a 20,000-line
     * import held embedded PGlite, and with it every HTTP request, for over a second.
     */
    async pendingLines(memberId: string, importId: number): Promise<StatementLine[]> {
      const out: StatementLine[] = []
      for (let after: { position: number; id: number } | null = null; ;) {
        let q = lineQuery()
          .where('member_id', '=', memberId)
          .where('import_id', '=', importId)
          .where('status', '=', 'pending')
        if (after) q = q.where(sql<boolean>`("position", "id") > (${after.position}, ${after.id})`)
        const page = (await q.orderBy('position').orderBy('id').limit(PENDING_PAGE).execute()).map(toLine)
        out.push(...page)
        if (page.length < PENDING_PAGE) return out
        after = { position: page[page.length - 1].position, id: page[page.length - 1].id }
      }
    },
    async line(memberId: string, id: number, o: { forUpdate?: boolean } = {}): Promise<StatementLine | null> {
      let q = lineQuery().where('member_id', '=', memberId).where('id', '=', id)
      if (o.forUpdate) q = q.forUpdate()
      const r = await q.executeTakeFirst()
      return r ? toLine(r) : null
    },
    async lines(
      memberId: string,
      o: { status?: StatementLineStatus; importId?: number; limit?: number; afterId?: number },
    ): Promise<StatementLine[]> {
      let q = lineQuery().where('member_id', '=', memberId)
      if (o.status) q = q.where('status', '=', o.status)
      if (o.importId) q = q.where('import_id', '=', o.importId)
      if (o.afterId) q = q.where('id', '>', o.afterId)
      return (
        await q
          .orderBy('id')
          .limit(o.limit ?? 200)
          .execute()
      ).map(toLine)
    },
    async countByStatus(memberId: string, status: StatementLineStatus): Promise<number> {
      const r = await db
        .selectFrom('statement_lines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('member_id', '=', memberId)
        .where('status', '=', status)
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },
    async decide(
      memberId: string,
      id: number,
      d: {
        status: StatementLineStatus
        rule?: string | null
        reason?: string | null
        counterpartyId?: number | null
        candidates?: number[]
        allocations?: LineAllocation[]
        resolvedBy?: string
      },
    ): Promise<void> {
      await db
        .updateTable('statement_lines')
        .set({
          status: d.status,
          rule: d.rule ?? null,
          reason: d.reason ?? null,
          counterparty_id: d.counterpartyId ?? null,
          candidates: JSON.stringify(d.candidates ?? []),
          allocations: JSON.stringify(d.allocations ?? []),
          ...(d.resolvedBy ? { resolved_by: d.resolvedBy, resolved_at: new Date() } : {}),
        })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .execute()
    },
    /** Ids of the import's lines waiting for review with this reason. */
    async heldLineIds(memberId: string, importId: number, reason: string): Promise<number[]> {
      const rows = await db
        .selectFrom('statement_lines')
        .select('id')
        .where('member_id', '=', memberId)
        .where('import_id', '=', importId)
        .where('status', '=', 'review')
        .where('reason', '=', reason)
        .orderBy('position')
        .execute()
      return rows.map((r) => Number(r.id))
    },
    /** Held review lines back to pending, marked so the matching takes them (only lines still held). */
    async release(memberId: string, ids: number[], held: string, mark: string): Promise<void> {
      for (let k = 0; k < ids.length; k += 1000)
        await db
          .updateTable('statement_lines')
          .set({ status: 'pending', reason: mark })
          .where('member_id', '=', memberId)
          .where('id', 'in', ids.slice(k, k + 1000))
          .where('status', '=', 'review')
          .where('reason', '=', held)
          .execute()
    },
    /** The decision of a pending line, saved before its payments are recorded. */
    async plan(
      memberId: string,
      id: number,
      d: { rule: string; counterpartyId: number | null; allocations: LineAllocation[] },
    ): Promise<void> {
      await db
        .updateTable('statement_lines')
        .set({ rule: d.rule, counterparty_id: d.counterpartyId, allocations: JSON.stringify(d.allocations) })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute()
    },
    /** Incoming bank-statement lines (not API ones) of this payer and amount dated within `days` of the day: the same payment may be among them. */
    async statementLinesNear(
      memberId: string,
      p: { payerInn: string; amount: number; date: string; days: number },
    ): Promise<StatementLine[]> {
      return (
        await lineQuery()
          .where('member_id', '=', memberId)
          .where('payer_inn', '=', p.payerInn)
          .where('amount', '=', p.amount)
          .where('direction', '=', 'incoming')
          .where(sql<boolean>`value_date between ${p.date}::date - ${p.days}::int and ${p.date}::date + ${p.days}::int`)
          .where(
            'import_id',
            'in',
            db
              .selectFrom('statement_imports')
              .select('id')
              .where('member_id', '=', memberId)
              .where('format', '<>', 'api'),
          )
          .orderBy('id')
          .limit(50)
          .execute()
      ).map(toLine)
    },
  }
}
