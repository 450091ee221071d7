// The tasks ladder task steps created (migration 061), kept until they are done or the app closes
// (invoice paid) or skips (invoice paused) them, with the reason.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { day, dayOrNull } from './ledger-sql.ts'

export type StepTaskCloseReason = 'paid' | 'paused' | 'done'

export interface StepTaskToClose {
  receivableId: number
  stepKey: string
  taskId: number
  invoiceNumber: string
  reason: 'paid' | 'paused'
  pausedUntil: string | null
}

export function dunningStepTasksRepository(db: Db) {
  return {
    async record(memberId: string, receivableId: number, stepKey: string, taskId: number, createdOn: string) {
      await db
        .insertInto('dunning_step_tasks')
        .values({
          member_id: memberId,
          receivable_id: receivableId,
          step_key: stepKey,
          task_id: taskId,
          created_on: createdOn,
        })
        .onConflict((oc) => oc.columns(['member_id', 'receivable_id', 'step_key']).doNothing())
        .execute()
    },
    /** Open tasks whose invoice is paid (or written off) or paused today. */
    async toClose(memberId: string, today: string, receivableId?: number): Promise<StepTaskToClose[]> {
      let q = db
        .selectFrom('dunning_step_tasks as t')
        .innerJoin('receivables as r', 'r.id', 't.receivable_id')
        .leftJoin('dunning_receivables as d', (j) =>
          j.onRef('d.receivable_id', '=', 't.receivable_id').onRef('d.member_id', '=', 't.member_id'),
        )
        .select([
          't.receivable_id',
          't.step_key',
          't.task_id',
          'r.invoice_number',
          sql<boolean>`r.remaining <= 0 OR r.stage = 'FAIL'`.as('paid'),
          dayOrNull('d.paused_until').as('paused_until'),
        ])
        .where('t.member_id', '=', memberId)
        .where('t.closed_on', 'is', null)
        .where((eb) =>
          eb.or([
            eb('r.remaining', '<=', 0),
            eb('r.stage', '=', 'FAIL'),
            eb('d.paused_until', '>=', sql<string>`${today}::date`),
          ]),
        )
      if (receivableId !== undefined) q = q.where('t.receivable_id', '=', receivableId)
      const rows = await q.orderBy('t.receivable_id').limit(500).execute()
      return rows.map((r) => ({
        receivableId: Number(r.receivable_id),
        stepKey: r.step_key,
        taskId: r.task_id,
        invoiceNumber: r.invoice_number,
        reason: r.paid ? 'paid' : 'paused',
        pausedUntil: r.paused_until,
      }))
    },
    async markClosed(memberId: string, receivableId: number, stepKey: string, reason: StepTaskCloseReason, on: string) {
      await db
        .updateTable('dunning_step_tasks')
        .set({ closed_on: on, close_reason: reason })
        .where('member_id', '=', memberId)
        .where('receivable_id', '=', receivableId)
        .where('step_key', '=', stepKey)
        .where('closed_on', 'is', null)
        .execute()
    },
    async list(memberId: string, receivableIds: number[]) {
      if (!receivableIds.length) return []
      const rows = await db
        .selectFrom('dunning_step_tasks')
        .select(['receivable_id', 'step_key', 'task_id', 'close_reason', day('created_on').as('created_on')])
        .where('member_id', '=', memberId)
        .where('receivable_id', 'in', receivableIds)
        .execute()
      return rows.map((r) => ({
        receivableId: Number(r.receivable_id),
        stepKey: r.step_key,
        taskId: r.task_id,
        createdOn: r.created_on,
        closeReason: r.close_reason,
      }))
    },
  }
}
