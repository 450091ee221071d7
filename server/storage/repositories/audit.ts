import type { Db } from '../database.ts'

export interface AuditEntry {
  memberId: string
  actor: string // 'user:15', 'system', 'robot:penalty-calculate', 'api-key:3'
  source: string // 'ui', 'event', 'robot', 'api', 'bank-statement', 'schedule', 'cli'
  action: string // 'payment.recorded', 'settings.changed' ...
  entity?: string
  entityId?: string
  details?: unknown
}

export function auditRepository(db: Db) {
  return {
    async record(e: AuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          member_id: e.memberId,
          actor: e.actor,
          source: e.source,
          action: e.action,
          entity: e.entity ?? null,
          entity_id: e.entityId ?? null,
          details: e.details === undefined ? null : JSON.stringify(e.details),
        })
        .execute()
    },
    async list(memberId: string, entity: string, entityId: string, limit = 200) {
      return db
        .selectFrom('audit_log')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('entity', '=', entity)
        .where('entity_id', '=', entityId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
    },
  }
}
export type AuditRepository = ReturnType<typeof auditRepository>
