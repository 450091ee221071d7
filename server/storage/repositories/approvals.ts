// Approval rows: the route state is read freely and written only by a conditional update on its
// version, together with the outbox row of the transition's events, in one short transaction.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { ApprovalEvent, ApprovalState, PipelineKey } from '../../domain/approvals/index.ts'
import { auditRepository, type AuditEntry } from './audit.ts'
import { inTransaction } from '../transaction.ts'

export interface ApprovalRecord {
  id: number
  memberId: string
  entityTypeId: number
  itemId: number
  pipeline: PipelineKey
  version: number
  state: ApprovalState
  createdAt: Date
  updatedAt: Date
}

export interface OutboxRecord {
  id: number
  memberId: string
  approvalId: number
  version: number
  events: ApprovalEvent[]
  state: ApprovalState
  appliedAt: Date | null
  createdAt: Date
}

type Row = {
  id: number
  member_id: string
  entity_type_id: number
  item_id: number
  pipeline: PipelineKey
  version: number
  state: unknown
  created_at: Date
  updated_at: Date
}
const toRecord = (r: Row): ApprovalRecord => ({
  id: Number(r.id),
  memberId: r.member_id,
  entityTypeId: r.entity_type_id,
  itemId: r.item_id,
  pipeline: r.pipeline,
  version: r.version,
  state: r.state as ApprovalState,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** `now`: the app clock, for the business moments (a request's start, a transition's commit). */
export function approvalsRepository(db: Db, now: () => Date = () => new Date()) {
  const cols = [
    'id',
    'member_id',
    'entity_type_id',
    'item_id',
    'pipeline',
    'version',
    'state',
    'created_at',
    'updated_at',
  ] as const
  return {
    async get(memberId: string, id: number): Promise<ApprovalRecord | null> {
      const r = await db
        .selectFrom('approvals')
        .select(cols)
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? toRecord(r) : null
    },
    async getByItem(memberId: string, entityTypeId: number, itemId: number): Promise<ApprovalRecord | null> {
      const r = await db
        .selectFrom('approvals')
        .select(cols)
        .where('member_id', '=', memberId)
        .where('entity_type_id', '=', entityTypeId)
        .where('item_id', '=', itemId)
        .executeTakeFirst()
      return r ? toRecord(r) : null
    },
    /**
     * Creates the row (version 1) or moves it from `expectedVersion` to the next one, with the
     * outbox row and audit entries, atomically. Returns null when someone else moved it first.
     */
    async commit(
      a: {
        memberId: string
        entityTypeId: number
        itemId: number
        pipeline: PipelineKey
        expectedVersion: number | null
      },
      state: ApprovalState,
      events: ApprovalEvent[],
      audit: Omit<AuditEntry, 'memberId' | 'entity' | 'entityId'>[],
    ): Promise<{ record: ApprovalRecord; outboxId: number } | null> {
      return inTransaction(db, async (trx) => {
        const json = JSON.stringify(state)
        const row =
          a.expectedVersion === null
            ? await trx
                .insertInto('approvals')
                .values({
                  member_id: a.memberId,
                  entity_type_id: a.entityTypeId,
                  item_id: a.itemId,
                  pipeline: a.pipeline,
                  status: state.status,
                  round: state.round,
                  version: 1,
                  state: json,
                  created_at: now(),
                })
                .onConflict((oc) => oc.columns(['member_id', 'entity_type_id', 'item_id']).doNothing())
                .returning(cols)
                .executeTakeFirst()
            : await trx
                .updateTable('approvals')
                .set((eb) => ({
                  state: json,
                  status: state.status,
                  round: state.round,
                  version: eb('version', '+', 1),
                  updated_at: new Date(),
                }))
                .where('member_id', '=', a.memberId)
                .where('entity_type_id', '=', a.entityTypeId)
                .where('item_id', '=', a.itemId)
                .where('version', '=', a.expectedVersion)
                .returning(cols)
                .executeTakeFirst()
        if (!row) return null
        const record = toRecord(row)
        const out = await trx
          .insertInto('approval_outbox')
          .values({
            member_id: a.memberId,
            approval_id: record.id,
            version: record.version,
            events: JSON.stringify(events),
            state: json,
            committed_at: now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        const log = auditRepository(trx)
        for (const e of audit)
          await log.record({ ...e, memberId: a.memberId, entity: 'approval', entityId: String(record.id) })
        return { record, outboxId: Number(out.id) }
      })
    },
    async outbox(memberId: string, id: number): Promise<OutboxRecord | null> {
      const r = await db
        .selectFrom('approval_outbox')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst()
      return r
        ? {
            id: Number(r.id),
            memberId: r.member_id,
            approvalId: Number(r.approval_id),
            version: r.version,
            events: r.events as ApprovalEvent[],
            state: r.state as ApprovalState,
            appliedAt: r.applied_at,
            createdAt: new Date(r.committed_at ?? r.created_at),
          }
        : null
    },
    /** Outbox rows not applied yet, at least `minAgeSeconds` old by the database clock (their apply job was lost or dead-lettered). */
    async pendingOutbox(memberId: string, minAgeSeconds: number): Promise<number[]> {
      const rows = await db
        .selectFrom('approval_outbox')
        .select('id')
        .where('member_id', '=', memberId)
        .where('applied_at', 'is', null)
        .where('created_at', '<=', sql<Date>`now() - make_interval(secs => ${minAgeSeconds})`)
        .orderBy('id')
        .limit(500)
        .execute()
      return rows.map((r) => Number(r.id))
    },
    async listInProgress(memberId: string): Promise<ApprovalRecord[]> {
      const rows = await db
        .selectFrom('approvals')
        .select(cols)
        .where('member_id', '=', memberId)
        .where('status', '=', 'in-progress')
        .orderBy('id')
        .limit(5000)
        .execute()
      return rows.map(toRecord)
    },
    async hasPendingOutbox(memberId: string, approvalId: number): Promise<boolean> {
      const r = await db
        .selectFrom('approval_outbox')
        .select('id')
        .where('member_id', '=', memberId)
        .where('approval_id', '=', approvalId)
        .where('applied_at', 'is', null)
        .executeTakeFirst()
      return !!r
    },
    async markApplied(id: number): Promise<void> {
      await db.updateTable('approval_outbox').set({ applied_at: new Date() }).where('id', '=', id).execute()
    },
    async addTask(
      memberId: string,
      taskId: number,
      approvalId: number,
      round: number,
      kind: 'main' | 'sub',
    ): Promise<void> {
      await db
        .insertInto('approval_tasks')
        .values({ member_id: memberId, task_id: taskId, approval_id: approvalId, round, kind })
        .onConflict((oc) => oc.columns(['member_id', 'task_id']).doNothing())
        .execute()
    },
    async tasksOf(
      memberId: string,
      approvalId: number,
      round: number,
    ): Promise<{ taskId: number; kind: 'main' | 'sub' }[]> {
      const rows = await db
        .selectFrom('approval_tasks')
        .select(['task_id', 'kind'])
        .where('member_id', '=', memberId)
        .where('approval_id', '=', approvalId)
        .where('round', '=', round)
        .orderBy('task_id')
        .execute()
      return rows.map((r) => ({ taskId: r.task_id, kind: r.kind }))
    },
    async taskOwner(
      memberId: string,
      taskId: number,
    ): Promise<{ approvalId: number; round: number; kind: 'main' | 'sub' } | null> {
      const r = await db
        .selectFrom('approval_tasks')
        .select(['approval_id', 'round', 'kind'])
        .where('member_id', '=', memberId)
        .where('task_id', '=', taskId)
        .executeTakeFirst()
      return r ? { approvalId: Number(r.approval_id), round: r.round, kind: r.kind } : null
    },
  }
}
export type ApprovalsRepository = ReturnType<typeof approvalsRepository>
