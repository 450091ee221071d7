// Set-based writes of the statement matching job: a chunk of lines is recorded with a handful of
// statements in one transaction (lock the receivables, insert the payments once by reference, store
// the recomputed balances, the audit rows and the lines' decisions) instead of ten round trips a line.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { LedgerEntry } from '../../domain/receivables/index.ts'
import type { LineAllocation } from '../tables/statements.ts'
import type { NewPayment } from './payments.ts'

export interface LineDecisionRow {
  id: number
  status: 'matched' | 'review'
  rule: string | null
  reason: string | null
  counterpartyId: number | null
  candidates: number[]
  allocations: LineAllocation[]
}

export function statementBatchQueries(db: Db) {
  return {
    /** The receivables of the chunk, locked in id order (the order every writer takes them in). */
    async lockReceivables(memberId: string, ids: number[]): Promise<Map<number, { amount: number }>> {
      const rows = await db
        .selectFrom('receivables')
        .select(['id', 'amount'])
        .where('member_id', '=', memberId)
        .where('id', 'in', ids)
        .orderBy('id')
        .forUpdate()
        .execute()
      return new Map(rows.map((r) => [Number(r.id), { amount: Number(r.amount) }]))
    },
    /** Inserts the payments not recorded yet; every reference's stored payment comes back (new or old). */
    async insertPayments(
      memberId: string,
      ps: NewPayment[],
    ): Promise<Map<string, { id: number; receivableId: number; amount: number; inserted: boolean }>> {
      const inserted = await db
        .insertInto('payments')
        .values(
          ps.map((p) => ({
            member_id: memberId,
            receivable_id: p.receivableId,
            amount: p.amount,
            paid_on: p.paidOn,
            source: p.source,
            source_ref: p.sourceRef,
            comment: p.comment ?? null,
            actor: p.actor,
          })),
        )
        .onConflict((oc) => oc.columns(['member_id', 'source_ref']).doNothing())
        .returning('id')
        .execute()
      const fresh = new Set(inserted.map((r) => Number(r.id)))
      const rows = await db
        .selectFrom('payments')
        .select(['id', 'receivable_id', 'amount', 'source_ref'])
        .where('member_id', '=', memberId)
        .where(
          'source_ref',
          'in',
          ps.map((p) => p.sourceRef),
        )
        .execute()
      return new Map(
        rows.map((r) => [
          r.source_ref,
          {
            id: Number(r.id),
            receivableId: Number(r.receivable_id),
            amount: Number(r.amount),
            inserted: fresh.has(Number(r.id)),
          },
        ]),
      )
    },
    /** Every ledger entry of these receivables, as the balance rule reads them. */
    async entries(memberId: string, receivableIds: number[]): Promise<Map<number, LedgerEntry[]>> {
      const rows = await db
        .selectFrom('payments')
        .select([
          'id',
          'receivable_id',
          'amount',
          'reversal_of',
          sql<string>`to_char(paid_on, 'YYYY-MM-DD')`.as('paid_on'),
        ])
        .where('member_id', '=', memberId)
        .where('receivable_id', 'in', receivableIds)
        .orderBy('paid_on')
        .orderBy('id')
        .execute()
      const out = new Map<number, LedgerEntry[]>(receivableIds.map((id) => [id, []]))
      for (const r of rows)
        out.get(Number(r.receivable_id))!.push({
          id: Number(r.id),
          amount: Number(r.amount),
          paidOn: r.paid_on,
          reversalOf: r.reversal_of === null ? null : Number(r.reversal_of),
        } as LedgerEntry)
      return out
    },
    /** Stores the balances (one statement); returns each receivable's new version, paid and remaining. */
    async setBalances(
      memberId: string,
      bs: { id: number; paid: number; lastPayment: { amount: number; paidOn: string } | null }[],
    ): Promise<Map<number, { version: number; paid: number; remaining: number }>> {
      const json = JSON.stringify(
        bs.map((b) => ({
          id: b.id,
          paid: b.paid,
          last_on: b.lastPayment?.paidOn ?? null,
          last_amount: b.lastPayment?.amount ?? null,
        })),
      )
      const r = await sql<{ id: number; version: number; paid: number; remaining: number }>`
        UPDATE receivables r SET paid = v.paid, last_payment_on = v.last_on, last_payment_amount = v.last_amount,
          version = r.version + 1, updated_at = now()
        FROM jsonb_to_recordset(${json}::jsonb) AS v(id bigint, paid bigint, last_on date, last_amount bigint)
        WHERE r.member_id = ${memberId} AND r.id = v.id
        RETURNING r.id, r.version, r.paid, r.remaining`.execute(db)
      return new Map(
        r.rows.map((x) => [
          Number(x.id),
          { version: Number(x.version), paid: Number(x.paid), remaining: Number(x.remaining) },
        ]),
      )
    },
    async auditMany(
      rows: {
        memberId: string
        actor: string
        source: string
        action: string
        entity: string
        entityId: string
        details: unknown
      }[],
    ): Promise<void> {
      if (!rows.length) return
      await db
        .insertInto('audit_log')
        .values(
          rows.map((e) => ({
            member_id: e.memberId,
            actor: e.actor,
            source: e.source,
            action: e.action,
            entity: e.entity,
            entity_id: e.entityId,
            details: JSON.stringify(e.details),
          })),
        )
        .execute()
    },
    /** The decisions of many lines in one statement. */
    async decideMany(memberId: string, ds: LineDecisionRow[]): Promise<void> {
      if (!ds.length) return
      const json = JSON.stringify(
        ds.map((d) => ({
          id: d.id,
          status: d.status,
          rule: d.rule,
          reason: d.reason,
          counterparty_id: d.counterpartyId,
          candidates: d.candidates,
          allocations: d.allocations,
        })),
      )
      await sql`
        UPDATE statement_lines s SET status = v.status, rule = v.rule, reason = v.reason,
          counterparty_id = v.counterparty_id, candidates = v.candidates, allocations = v.allocations
        FROM jsonb_to_recordset(${json}::jsonb)
          AS v(id bigint, status text, rule text, reason text, counterparty_id bigint, candidates jsonb, allocations jsonb)
        WHERE s.member_id = ${memberId} AND s.id = v.id`.execute(db)
    },
  }
}
