// Waiting robot calls: the business process holds until we answer its event_token once.
import type { Db } from '../database.ts'

export interface RobotWait<D = unknown> {
  memberId: string
  eventToken: string
  code: string
  kind: string
  ref: string
  data: D
  deadline: Date | null
  createdAt: Date
}

type Row = {
  member_id: string
  event_token: string
  code: string
  kind: string
  ref: string
  data: unknown
  deadline: Date | null
  created_at: Date
}
const toWait = (r: Row): RobotWait => ({
  memberId: r.member_id,
  eventToken: r.event_token,
  code: r.code,
  kind: r.kind,
  ref: r.ref,
  data: r.data,
  deadline: r.deadline ? new Date(r.deadline) : null,
  createdAt: new Date(r.created_at),
})

export function robotWaitsRepository(db: Db) {
  return {
    /** Idempotent: a retried robot call keeps its first row. */
    async add(w: Omit<RobotWait, 'createdAt'>): Promise<void> {
      await db
        .insertInto('robot_waits')
        .values({
          member_id: w.memberId,
          event_token: w.eventToken,
          code: w.code,
          kind: w.kind,
          ref: w.ref,
          data: JSON.stringify(w.data),
          deadline: w.deadline,
        })
        .onConflict((oc) => oc.columns(['member_id', 'event_token']).doNothing())
        .execute()
    },
    async byRef(memberId: string, kind: string, ref: string): Promise<RobotWait[]> {
      const rows = await db
        .selectFrom('robot_waits')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('kind', '=', kind)
        .where('ref', '=', ref)
        .orderBy('created_at')
        .execute()
      return rows.map((r) => toWait(r as Row))
    },
    async byKind(memberId: string, kind: string): Promise<RobotWait[]> {
      const rows = await db
        .selectFrom('robot_waits')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('kind', '=', kind)
        .orderBy('created_at')
        .limit(10_000)
        .execute()
      return rows.map((r) => toWait(r as Row))
    },
    async remove(memberId: string, eventToken: string): Promise<void> {
      await db
        .deleteFrom('robot_waits')
        .where('member_id', '=', memberId)
        .where('event_token', '=', eventToken)
        .execute()
    },
  }
}
