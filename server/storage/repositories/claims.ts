// Claim cases, their payout tranches and generated letters. Days are 'YYYY-MM-DD' text both ways.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { Tranche } from '../../domain/claims/payouts.ts'
import { dayOrNull, day } from './ledger-sql.ts'

export interface ClaimCase {
  id: number; memberId: string; itemId: number; kind: 'recovery' | 'payout'; title: string; counterpartyName: string | null
  assignedById: number | null; totalsCommentId: number | null; completionTaskId: number | null
  /** The totals last written to the portal ('total/paid/remaining'), null before the first sync. */
  syncedTotals: string | null
  /** Debt recovery: what had been paid on the case's invoices when its settlement schedule was agreed. */
  settlementBaseline: number | null
  /** The court case number, normalised (А40-123456/2025), as last read from the item. */
  courtCase: string | null
}
export interface StoredTranche extends Tranche { taskId: number | null; caseId: number }
export interface ClaimLetterMeta { id: number; fileName: string; total: number; generatedAt: Date; generatedBy: string }

type CaseRow = { id: number; member_id: string; item_id: number; kind: 'recovery' | 'payout'; title: string; counterparty_name: string | null; assigned_by_id: number | null; totals_comment_id: number | null; completion_task_id: number | null; synced_totals: string | null; settlement_baseline: number | string | null; court_case: string | null }
const toCase = (r: CaseRow): ClaimCase => ({
  id: Number(r.id), memberId: r.member_id, itemId: r.item_id, kind: r.kind, title: r.title, counterpartyName: r.counterparty_name,
  assignedById: r.assigned_by_id, totalsCommentId: r.totals_comment_id, completionTaskId: r.completion_task_id, syncedTotals: r.synced_totals,
  settlementBaseline: r.settlement_baseline === null ? null : Number(r.settlement_baseline), courtCase: r.court_case,
})

export function claimsRepository(db: Db) {
  const tranchesOf = async (memberId: string, caseIds: number[]): Promise<StoredTranche[]> => {
    if (!caseIds.length) return []
    const rows = await db.selectFrom('claim_tranches').select(['id', 'case_id', day('deadline').as('deadline'), 'amount', 'status', dayOrNull('paid_on').as('paid_on'), 'paid_by', 'task_id'])
      .where('member_id', '=', memberId).where('case_id', 'in', caseIds).orderBy('deadline').orderBy('id').execute()
    return rows.map((r) => ({ id: String(r.id), caseId: Number(r.case_id), deadline: r.deadline, amount: Number(r.amount), status: r.status, paidOn: r.paid_on, paidBy: r.paid_by, taskId: r.task_id }))
  }
  return {
    async byItem(memberId: string, itemId: number): Promise<ClaimCase | null> {
      const r = await db.selectFrom('claim_cases').selectAll().where('member_id', '=', memberId).where('item_id', '=', itemId).executeTakeFirst()
      return r ? toCase(r as CaseRow) : null
    },
    async get(memberId: string, id: number): Promise<ClaimCase | null> {
      const r = await db.selectFrom('claim_cases').selectAll().where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst()
      return r ? toCase(r as CaseRow) : null
    },
    /** Idempotent: the first row of an item wins; later calls refresh title and counterparty. */
    async upsert(memberId: string, c: { itemId: number; kind: 'recovery' | 'payout'; title: string; counterpartyName: string | null; assignedById: number | null }): Promise<ClaimCase> {
      const values = { member_id: memberId, item_id: c.itemId, kind: c.kind, title: c.title, counterparty_name: c.counterpartyName, assigned_by_id: c.assignedById, updated_at: new Date() }
      const r = await db.insertInto('claim_cases').values(values)
        .onConflict((oc) => oc.columns(['member_id', 'item_id']).doUpdateSet({ kind: c.kind, title: c.title, counterparty_name: c.counterpartyName, assigned_by_id: c.assignedById, updated_at: values.updated_at }))
        .returningAll().executeTakeFirstOrThrow()
      return toCase(r as CaseRow)
    },
    /** Records the stage a case is in; returns the stage it was in before (null the first time). */
    async moveStage(memberId: string, id: number, stage: string | null): Promise<string | null> {
      const before = await db.selectFrom('claim_cases').select('stage').where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst()
      if ((before?.stage ?? null) !== stage) await db.updateTable('claim_cases').set({ stage, updated_at: new Date() }).where('member_id', '=', memberId).where('id', '=', id).execute()
      return before?.stage ?? null
    },
    /** Payout cases whose every tranche is paid but whose completion task was never recorded. */
    async paidOutWithoutCompletion(memberId: string): Promise<ClaimCase[]> {
      const rows = await db.selectFrom('claim_cases as c').selectAll('c').where('c.member_id', '=', memberId).where('c.kind', '=', 'payout').where('c.completion_task_id', 'is', null)
        .where((eb) => eb.exists(eb.selectFrom('claim_tranches as t').select('t.id').whereRef('t.case_id', '=', 'c.id')))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('claim_tranches as t').select('t.id').whereRef('t.case_id', '=', 'c.id').where('t.status', '<>', 'paid'))))
        .orderBy('c.id').limit(500).execute()
      return rows.map((r) => toCase(r as CaseRow))
    },
    async setCase(memberId: string, id: number, patch: { totals_comment_id?: number | null; completion_task_id?: number | null; synced_totals?: string | null; court_case?: string | null }): Promise<void> {
      await db.updateTable('claim_cases').set({ ...patch, updated_at: new Date() }).where('member_id', '=', memberId).where('id', '=', id).execute()
    },
    tranches: (memberId: string, caseId: number) => tranchesOf(memberId, [caseId]),
    /** Sets the settlement baseline once (the first tranche of a schedule); returns the value in force. */
    async settlementBaseline(memberId: string, id: number, paidNow: number): Promise<number> {
      await db.updateTable('claim_cases').set({ settlement_baseline: paidNow }).where('member_id', '=', memberId).where('id', '=', id).where('settlement_baseline', 'is', null).execute()
      const r = await db.selectFrom('claim_cases').select('settlement_baseline').where('member_id', '=', memberId).where('id', '=', id).executeTakeFirstOrThrow()
      return Number(r.settlement_baseline)
    },
    /** Recovery cases that have a settlement schedule. */
    async casesWithSchedule(memberId: string): Promise<ClaimCase[]> {
      const rows = await db.selectFrom('claim_cases').selectAll().where('member_id', '=', memberId).where('kind', '=', 'recovery')
        .where((eb) => eb.exists(eb.selectFrom('claim_tranches').select('id').whereRef('claim_tranches.case_id', '=', 'claim_cases.id'))).execute()
      return rows.map((r) => toCase(r as CaseRow))
    },
    async byCourtCase(memberId: string, numbers: string[]): Promise<ClaimCase[]> {
      if (!numbers.length) return []
      const rows = await db.selectFrom('claim_cases').selectAll().where('member_id', '=', memberId).where('court_case', 'in', numbers).execute()
      return rows.map((r) => toCase(r as CaseRow))
    },
    /** Records an e-mail bound to a case; false when it was bound before. */
    async linkMail(memberId: string, l: { activityId: number; caseId: number; caseNumber: string; subject: string; receivedAt: Date | null }): Promise<boolean> {
      const r = await db.insertInto('claim_mail_links').values({ member_id: memberId, activity_id: l.activityId, case_id: l.caseId, case_number: l.caseNumber, subject: l.subject.slice(0, 500), received_at: l.receivedAt })
        .onConflict((oc) => oc.columns(['member_id', 'activity_id', 'case_id']).doNothing()).executeTakeFirst()
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1
    },
    async mails(memberId: string, caseId: number): Promise<{ activityId: number; caseNumber: string; subject: string; receivedAt: Date | null }[]> {
      const rows = await db.selectFrom('claim_mail_links').select(['activity_id', 'case_number', 'subject', 'received_at']).where('member_id', '=', memberId).where('case_id', '=', caseId)
        .orderBy('received_at', 'desc').execute()
      return rows.map((r) => ({ activityId: r.activity_id, caseNumber: r.case_number, subject: r.subject, receivedAt: r.received_at ? new Date(r.received_at) : null }))
    },
    async addTranche(memberId: string, caseId: number, t: { deadline: string; amount: number }): Promise<void> {
      await db.insertInto('claim_tranches').values({ member_id: memberId, case_id: caseId, deadline: t.deadline, amount: t.amount }).execute()
    },
    /** Changes a planned tranche only; false when it is paid or gone. */
    async editTranche(memberId: string, caseId: number, id: number, t: { deadline: string; amount: number }): Promise<boolean> {
      const r = await db.updateTable('claim_tranches').set({ deadline: t.deadline, amount: t.amount })
        .where('member_id', '=', memberId).where('case_id', '=', caseId).where('id', '=', id).where('status', '=', 'planned').executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
    async deleteTranche(memberId: string, caseId: number, id: number): Promise<boolean> {
      const r = await db.deleteFrom('claim_tranches').where('member_id', '=', memberId).where('case_id', '=', caseId).where('id', '=', id).where('status', '=', 'planned').executeTakeFirst()
      return Number(r.numDeletedRows) === 1
    },
    async setTrancheTask(memberId: string, id: number, taskId: number): Promise<void> {
      await db.updateTable('claim_tranches').set({ task_id: taskId }).where('member_id', '=', memberId).where('id', '=', id).execute()
    },
    async byTask(memberId: string, taskId: number): Promise<StoredTranche | null> {
      const r = await db.selectFrom('claim_tranches').select(['id', 'case_id']).where('member_id', '=', memberId).where('task_id', '=', taskId).executeTakeFirst()
      if (!r) return null
      return (await tranchesOf(memberId, [Number(r.case_id)])).find((t) => t.id === String(r.id)) ?? null
    },
    /** Conditional on the current status, so a duplicated or reordered event changes nothing. */
    async setPaid(memberId: string, id: number, paid: { on: string; by: number | null } | null): Promise<boolean> {
      const q = db.updateTable('claim_tranches').where('member_id', '=', memberId).where('id', '=', id)
      const r = paid
        ? await q.set({ status: 'paid', paid_on: paid.on, paid_by: paid.by }).where('status', '=', 'planned').executeTakeFirst()
        : await q.set({ status: 'planned', paid_on: null, paid_by: null }).where('status', '=', 'paid').executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
    /** Planned tranches of payout cases without a task whose deadline is on or before `until`. */
    async tranchesNeedingTask(memberId: string, until: string): Promise<StoredTranche[]> {
      const rows = await db.selectFrom('claim_tranches').select('case_id').distinct().where('member_id', '=', memberId)
        .where('status', '=', 'planned').where('task_id', 'is', null).where(sql<boolean>`deadline <= ${until}::date`).execute()
      const all = await tranchesOf(memberId, rows.map((r) => Number(r.case_id)))
      return all.filter((t) => t.status === 'planned' && t.taskId === null && t.deadline <= until)
    },
    /** Tranches whose task exists and whose status may have moved without us hearing of it. */
    async tranchesWithTasks(memberId: string): Promise<StoredTranche[]> {
      const rows = await db.selectFrom('claim_tranches').select('case_id').distinct().where('member_id', '=', memberId).where('task_id', 'is not', null).execute()
      return (await tranchesOf(memberId, rows.map((r) => Number(r.case_id)))).filter((t) => t.taskId !== null)
    },
    /** The id the next letter is stored under, taken before it is rendered (its number carries it: unique, even for two letters at once). */
    async reserveLetterId(): Promise<number> {
      const r = await sql<{ id: string | number }>`SELECT nextval(pg_get_serial_sequence('claim_letters', 'id')) AS id`.execute(db)
      return Number(r.rows[0]!.id)
    },
    async addLetter(memberId: string, caseId: number, l: { id?: number; fileName: string; pdf: Uint8Array; total: number; by: string }): Promise<ClaimLetterMeta> {
      const r = await db.insertInto('claim_letters').values({ ...(l.id !== undefined ? { id: l.id } : {}), member_id: memberId, case_id: caseId, file_name: l.fileName, pdf: l.pdf, total: l.total, generated_by: l.by })
        .returning(['id', 'file_name', 'total', 'generated_at', 'generated_by']).executeTakeFirstOrThrow()
      return { id: Number(r.id), fileName: r.file_name, total: Number(r.total), generatedAt: new Date(r.generated_at), generatedBy: r.generated_by }
    },
    async latestLetter(memberId: string, caseId: number): Promise<ClaimLetterMeta | null> {
      const r = await db.selectFrom('claim_letters').select(['id', 'file_name', 'total', 'generated_at', 'generated_by']).where('member_id', '=', memberId).where('case_id', '=', caseId)
        .orderBy('generated_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
      return r ? { id: Number(r.id), fileName: r.file_name, total: Number(r.total), generatedAt: new Date(r.generated_at), generatedBy: r.generated_by } : null
    },
    async letters(memberId: string, caseId: number): Promise<ClaimLetterMeta[]> {
      const rows = await db.selectFrom('claim_letters').select(['id', 'file_name', 'total', 'generated_at', 'generated_by']).where('member_id', '=', memberId).where('case_id', '=', caseId)
        .orderBy('generated_at', 'desc').orderBy('id', 'desc').execute()
      return rows.map((r) => ({ id: Number(r.id), fileName: r.file_name, total: Number(r.total), generatedAt: new Date(r.generated_at), generatedBy: r.generated_by }))
    },
    async letterPdf(memberId: string, id: number): Promise<{ fileName: string; pdf: Uint8Array } | null> {
      const r = await db.selectFrom('claim_letters').select(['file_name', 'pdf']).where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst()
      return r ? { fileName: r.file_name, pdf: r.pdf } : null
    },
  }
}
export type ClaimsRepository = ReturnType<typeof claimsRepository>
