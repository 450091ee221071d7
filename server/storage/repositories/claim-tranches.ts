// Payout tranches of claim cases (a settlement schedule for debt recovery): the schedule, its tasks
// and the paid / planned status. Days are 'YYYY-MM-DD' text both ways.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { Tranche } from '../../domain/claims/payouts.ts'
import { dayOrNull, day } from './ledger-sql.ts'

export interface StoredTranche extends Tranche {
  taskId: number | null
  caseId: number
}

export function claimTrancheQueries(db: Db) {
  const tranchesOf = async (memberId: string, caseIds: number[]): Promise<StoredTranche[]> => {
    if (!caseIds.length) return []
    const rows = await db
      .selectFrom('claim_tranches')
      .select([
        'id',
        'case_id',
        day('deadline').as('deadline'),
        'amount',
        'status',
        dayOrNull('paid_on').as('paid_on'),
        'paid_by',
        'task_id',
      ])
      .where('member_id', '=', memberId)
      .where('case_id', 'in', caseIds)
      .orderBy('deadline')
      .orderBy('id')
      .execute()
    return rows.map((r) => ({
      id: String(r.id),
      caseId: Number(r.case_id),
      deadline: r.deadline,
      amount: Number(r.amount),
      status: r.status,
      paidOn: r.paid_on,
      paidBy: r.paid_by,
      taskId: r.task_id,
    }))
  }
  return {
    tranches: (memberId: string, caseId: number) => tranchesOf(memberId, [caseId]),
    async addTranche(memberId: string, caseId: number, t: { deadline: string; amount: number }): Promise<void> {
      await db
        .insertInto('claim_tranches')
        .values({ member_id: memberId, case_id: caseId, deadline: t.deadline, amount: t.amount })
        .execute()
    },
    /** Changes a planned tranche only; false when it is paid or gone. */
    async editTranche(
      memberId: string,
      caseId: number,
      id: number,
      t: { deadline: string; amount: number },
    ): Promise<boolean> {
      const r = await db
        .updateTable('claim_tranches')
        .set({ deadline: t.deadline, amount: t.amount })
        .where('member_id', '=', memberId)
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .where('status', '=', 'planned')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
    async deleteTranche(memberId: string, caseId: number, id: number): Promise<boolean> {
      const r = await db
        .deleteFrom('claim_tranches')
        .where('member_id', '=', memberId)
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .where('status', '=', 'planned')
        .executeTakeFirst()
      return Number(r.numDeletedRows) === 1
    },
    async setTrancheTask(memberId: string, id: number, taskId: number): Promise<void> {
      await db
        .updateTable('claim_tranches')
        .set({ task_id: taskId })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .execute()
    },
    async byTask(memberId: string, taskId: number): Promise<StoredTranche | null> {
      const r = await db
        .selectFrom('claim_tranches')
        .select(['id', 'case_id'])
        .where('member_id', '=', memberId)
        .where('task_id', '=', taskId)
        .executeTakeFirst()
      if (!r) return null
      return (await tranchesOf(memberId, [Number(r.case_id)])).find((t) => t.id === String(r.id)) ?? null
    },
    /** Conditional on the current status, so a duplicated or reordered event changes nothing. */
    async setPaid(memberId: string, id: number, paid: { on: string; by: number | null } | null): Promise<boolean> {
      const q = db.updateTable('claim_tranches').where('member_id', '=', memberId).where('id', '=', id)
      const r = paid
        ? await q
            .set({ status: 'paid', paid_on: paid.on, paid_by: paid.by })
            .where('status', '=', 'planned')
            .executeTakeFirst()
        : await q
            .set({ status: 'planned', paid_on: null, paid_by: null })
            .where('status', '=', 'paid')
            .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
    /** Planned tranches of payout cases without a task whose deadline is on or before `until`. */
    async tranchesNeedingTask(memberId: string, until: string): Promise<StoredTranche[]> {
      const rows = await db
        .selectFrom('claim_tranches')
        .select('case_id')
        .distinct()
        .where('member_id', '=', memberId)
        .where('status', '=', 'planned')
        .where('task_id', 'is', null)
        .where(sql<boolean>`deadline <= ${until}::date`)
        .execute()
      const all = await tranchesOf(
        memberId,
        rows.map((r) => Number(r.case_id)),
      )
      return all.filter((t) => t.status === 'planned' && t.taskId === null && t.deadline <= until)
    },
    /** Tranches whose task exists and whose status may have moved without us hearing of it. */
    async tranchesWithTasks(memberId: string): Promise<StoredTranche[]> {
      const rows = await db
        .selectFrom('claim_tranches')
        .select('case_id')
        .distinct()
        .where('member_id', '=', memberId)
        .where('task_id', 'is not', null)
        .execute()
      return (
        await tranchesOf(
          memberId,
          rows.map((r) => Number(r.case_id)),
        )
      ).filter((t) => t.taskId !== null)
    },
  }
}
