// Claim cases: one row per claim item of a portal, with what was last synced to it and the
// settlement baseline of its schedule. Days are 'YYYY-MM-DD' text both ways.
import type { Db } from '../database.ts'

export interface ClaimCase {
  id: number
  memberId: string
  itemId: number
  kind: 'recovery' | 'payout'
  title: string
  counterpartyName: string | null
  assignedById: number | null
  totalsCommentId: number | null
  completionTaskId: number | null
  /** The totals last written to the portal ('total/paid/remaining'), null before the first sync. */
  syncedTotals: string | null
  /** Debt recovery: what had been paid on the case's invoices when its settlement schedule was agreed. */
  settlementBaseline: number | null
  /** The court case number, normalised (А40-123456/2025), as last read from the item. */
  courtCase: string | null
}

type CaseRow = {
  id: number
  member_id: string
  item_id: number
  kind: 'recovery' | 'payout'
  title: string
  counterparty_name: string | null
  assigned_by_id: number | null
  totals_comment_id: number | null
  completion_task_id: number | null
  synced_totals: string | null
  settlement_baseline: number | string | null
  court_case: string | null
}
const toCase = (r: CaseRow): ClaimCase => ({
  id: Number(r.id),
  memberId: r.member_id,
  itemId: r.item_id,
  kind: r.kind,
  title: r.title,
  counterpartyName: r.counterparty_name,
  assignedById: r.assigned_by_id,
  totalsCommentId: r.totals_comment_id,
  completionTaskId: r.completion_task_id,
  syncedTotals: r.synced_totals,
  settlementBaseline: r.settlement_baseline === null ? null : Number(r.settlement_baseline),
  courtCase: r.court_case,
})

export function claimCaseQueries(db: Db) {
  return {
    async byItem(memberId: string, itemId: number): Promise<ClaimCase | null> {
      const r = await db
        .selectFrom('claim_cases')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('item_id', '=', itemId)
        .executeTakeFirst()
      return r ? toCase(r as CaseRow) : null
    },
    async get(memberId: string, id: number): Promise<ClaimCase | null> {
      const r = await db
        .selectFrom('claim_cases')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? toCase(r as CaseRow) : null
    },
    /** Idempotent: the first row of an item wins; later calls refresh title and counterparty. */
    async upsert(
      memberId: string,
      c: {
        itemId: number
        kind: 'recovery' | 'payout'
        title: string
        counterpartyName: string | null
        assignedById: number | null
      },
    ): Promise<ClaimCase> {
      const values = {
        member_id: memberId,
        item_id: c.itemId,
        kind: c.kind,
        title: c.title,
        counterparty_name: c.counterpartyName,
        assigned_by_id: c.assignedById,
        updated_at: new Date(),
      }
      const r = await db
        .insertInto('claim_cases')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['member_id', 'item_id']).doUpdateSet({
            kind: c.kind,
            title: c.title,
            counterparty_name: c.counterpartyName,
            assigned_by_id: c.assignedById,
            updated_at: values.updated_at,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow()
      return toCase(r as CaseRow)
    },
    /** Records the stage a case is in; returns the stage it was in before (null the first time). */
    async moveStage(memberId: string, id: number, stage: string | null): Promise<string | null> {
      const before = await db
        .selectFrom('claim_cases')
        .select('stage')
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst()
      if ((before?.stage ?? null) !== stage)
        await db
          .updateTable('claim_cases')
          .set({ stage, updated_at: new Date() })
          .where('member_id', '=', memberId)
          .where('id', '=', id)
          .execute()
      return before?.stage ?? null
    },
    /** Payout cases whose every tranche is paid but whose completion task was never recorded. */
    async paidOutWithoutCompletion(memberId: string): Promise<ClaimCase[]> {
      const rows = await db
        .selectFrom('claim_cases as c')
        .selectAll('c')
        .where('c.member_id', '=', memberId)
        .where('c.kind', '=', 'payout')
        .where('c.completion_task_id', 'is', null)
        .where((eb) =>
          eb.exists(eb.selectFrom('claim_tranches as t').select('t.id').whereRef('t.case_id', '=', 'c.id')),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('claim_tranches as t')
                .select('t.id')
                .whereRef('t.case_id', '=', 'c.id')
                .where('t.status', '<>', 'paid'),
            ),
          ),
        )
        .orderBy('c.id')
        .limit(500)
        .execute()
      return rows.map((r) => toCase(r as CaseRow))
    },
    async setCase(
      memberId: string,
      id: number,
      patch: {
        totals_comment_id?: number | null
        completion_task_id?: number | null
        synced_totals?: string | null
        court_case?: string | null
      },
    ): Promise<void> {
      await db
        .updateTable('claim_cases')
        .set({ ...patch, updated_at: new Date() })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .execute()
    },
    /** Sets the settlement baseline once (the first tranche of a schedule); returns the value in force. */
    async settlementBaseline(memberId: string, id: number, paidNow: number): Promise<number> {
      await db
        .updateTable('claim_cases')
        .set({ settlement_baseline: paidNow })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .where('settlement_baseline', 'is', null)
        .execute()
      const r = await db
        .selectFrom('claim_cases')
        .select('settlement_baseline')
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      return Number(r.settlement_baseline)
    },
    /** Recovery cases that have a settlement schedule. */
    async casesWithSchedule(memberId: string): Promise<ClaimCase[]> {
      const rows = await db
        .selectFrom('claim_cases')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('kind', '=', 'recovery')
        .where((eb) =>
          eb.exists(
            eb.selectFrom('claim_tranches').select('id').whereRef('claim_tranches.case_id', '=', 'claim_cases.id'),
          ),
        )
        .execute()
      return rows.map((r) => toCase(r as CaseRow))
    },
    async byCourtCase(memberId: string, numbers: string[]): Promise<ClaimCase[]> {
      if (!numbers.length) return []
      const rows = await db
        .selectFrom('claim_cases')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('court_case', 'in', numbers)
        .execute()
      return rows.map((r) => toCase(r as CaseRow))
    },
  }
}
