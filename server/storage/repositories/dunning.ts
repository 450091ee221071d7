// Dunning read/write side: open receivables with everything the planner needs (ledger tables joined
// with our dunning tables), the step log (a step is logged once: UNIQUE per receivable and key),
// and the per-receivable / per-counterparty dunning state.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { day, dayOrNull } from './ledger-sql.ts'

export interface DunningRow {
  receivableId: number; itemId: number | null; counterpartyId: number; counterpartyName: string; counterpartyEmail: string | null
  entityType: 'company' | 'contact'; entityId: number; invoiceNumber: string; invoiceDate: string; dueDate: string
  amount: number; remaining: number; responsibleId: number | null; legalEntity: string | null; stage: string
  riskSegment: 'low' | 'normal' | 'high' | null; doNotDun: boolean; pausedUntil: string | null; pauseReason: string | null
  promisedDate: string | null; promisedAmount: number | null; promiseRecordedOn: string | null; remainingAtPromise: number | null
  override: unknown; claimItemId: number | null; claimSentOn: string | null; nextReminderDate: string | null
  cpSegment: string | null; cpRiskSegment: 'low' | 'normal' | 'high' | null; cpDoNotDun: boolean; cpOverride: unknown
  telegramChatId: string | null; cpTimezone: string | null; cpLang: 'ru' | 'en' | null
}

export interface LogRow { receivableId: number; stepKey: string; kind: string; status: 'sent' | 'skipped'; onDate: string; detail: unknown; actor: string; createdAt: Date }

export type StatePatch = Partial<{
  risk_segment: 'low' | 'normal' | 'high' | null; do_not_dun: boolean; paused_until: string | null; pause_reason: string | null
  promised_date: string | null; promised_amount: number | null; promise_recorded_on: string | null; remaining_at_promise: number | null
  override: string | null; claim_item_id: number | null; claim_sent_on: string | null; next_reminder_date: string | null
}>

export function dunningRepository(db: Db) {
  const base = (memberId: string) => db.selectFrom('receivables as r')
    .innerJoin('counterparties as c', 'c.id', 'r.counterparty_id')
    .leftJoin('contracts as k', 'k.id', 'r.contract_id')
    .leftJoin('dunning_receivables as d', (j) => j.onRef('d.receivable_id', '=', 'r.id').onRef('d.member_id', '=', 'r.member_id'))
    .leftJoin('dunning_counterparties as dc', (j) => j.onRef('dc.counterparty_id', '=', 'r.counterparty_id').onRef('dc.member_id', '=', 'r.member_id'))
    .where('r.member_id', '=', memberId)
    .select([
      'r.id as receivableId', 'r.item_id as itemId', 'r.counterparty_id as counterpartyId', 'c.name as counterpartyName', 'c.email as counterpartyEmail',
      'c.entity_type as entityType', 'c.entity_id as entityId', 'r.invoice_number as invoiceNumber', day('r.invoice_date').as('invoiceDate'),
      day('r.effective_due_date').as('dueDate'), 'r.amount', 'r.remaining', 'r.responsible_id as responsibleId', 'k.legal_entity as legalEntity', 'r.stage',
      'd.risk_segment as riskSegment', sql<boolean>`coalesce(d.do_not_dun, false)`.as('doNotDun'), dayOrNull('d.paused_until').as('pausedUntil'),
      'd.pause_reason as pauseReason', dayOrNull('d.promised_date').as('promisedDate'), 'd.promised_amount as promisedAmount',
      dayOrNull('d.promise_recorded_on').as('promiseRecordedOn'), 'd.remaining_at_promise as remainingAtPromise', 'd.override',
      'd.claim_item_id as claimItemId', dayOrNull('d.claim_sent_on').as('claimSentOn'), dayOrNull('d.next_reminder_date').as('nextReminderDate'),
      'dc.segment as cpSegment', 'dc.risk_segment as cpRiskSegment', sql<boolean>`coalesce(dc.do_not_dun, false)`.as('cpDoNotDun'), 'dc.override as cpOverride',
      'dc.telegram_chat_id as telegramChatId', 'dc.timezone as cpTimezone', 'dc.lang as cpLang',
    ])
  const norm = (rows: Record<string, unknown>[]): DunningRow[] => rows.map((r) => ({
    ...r, amount: Number(r.amount), remaining: Number(r.remaining), promisedAmount: r.promisedAmount === null ? null : Number(r.promisedAmount),
    remainingAtPromise: r.remainingAtPromise === null ? null : Number(r.remainingAtPromise), receivableId: Number(r.receivableId), counterpartyId: Number(r.counterpartyId),
  }) as DunningRow)

  return {
    /** Open receivables of a portal (remaining > 0, not written off), in id order. */
    async open(memberId: string, o: { counterpartyId?: number; receivableId?: number } = {}): Promise<DunningRow[]> {
      let q = base(memberId).where('r.remaining', '>', 0).where('r.stage', '<>', 'FAIL')
      if (o.counterpartyId !== undefined) q = q.where('r.counterparty_id', '=', o.counterpartyId)
      if (o.receivableId !== undefined) q = q.where('r.id', '=', o.receivableId)
      return norm(await q.orderBy('r.id').execute() as Record<string, unknown>[])
    },
    /** One receivable whatever its balance (the job re-checks it before sending). */
    async one(memberId: string, receivableId: number): Promise<DunningRow | null> {
      return norm(await base(memberId).where('r.id', '=', receivableId).execute() as Record<string, unknown>[])[0] ?? null
    },
    async byCounterparty(memberId: string, counterpartyId: number): Promise<DunningRow[]> {
      return norm(await base(memberId).where('r.counterparty_id', '=', counterpartyId).orderBy('r.effective_due_date').orderBy('r.id').execute() as Record<string, unknown>[])
    },
    async log(memberId: string, receivableIds?: number[]): Promise<LogRow[]> {
      if (receivableIds && !receivableIds.length) return []
      let q = db.selectFrom('dunning_log').where('member_id', '=', memberId)
      if (receivableIds) q = q.where('receivable_id', 'in', receivableIds)
      const rows = await q.select(['receivable_id', 'step_key', 'kind', 'status', day('on_date').as('on_date'), 'detail', 'actor', 'created_at']).orderBy('id').execute()
      return rows.map((r) => ({ receivableId: Number(r.receivable_id), stepKey: r.step_key, kind: r.kind, status: r.status, onDate: r.on_date, detail: r.detail, actor: r.actor, createdAt: r.created_at }))
    },
    /** The step log of every open receivable of a portal (the scan; no id list, any size). */
    async logOfOpen(memberId: string): Promise<LogRow[]> {
      const rows = await db.selectFrom('dunning_log as l').innerJoin('receivables as r', 'r.id', 'l.receivable_id')
        .where('l.member_id', '=', memberId).where('r.remaining', '>', 0).where('r.stage', '<>', 'FAIL')
        .select(['l.receivable_id', 'l.step_key', 'l.kind', 'l.status', day('l.on_date').as('on_date'), 'l.detail', 'l.actor', 'l.created_at']).orderBy('l.id').execute()
      return rows.map((r) => ({ receivableId: Number(r.receivable_id), stepKey: r.step_key, kind: r.kind, status: r.status, onDate: r.on_date, detail: r.detail, actor: r.actor, createdAt: r.created_at }))
    },
    /** Records one step; false when it was already recorded (the step happened before). */
    async logStep(memberId: string, e: { receivableId: number; stepKey: string; kind: 'reminder' | 'escalation' | 'manual'; status: 'sent' | 'skipped'; onDate: string; detail?: unknown; actor?: string }): Promise<boolean> {
      const r = await db.insertInto('dunning_log').values({
        member_id: memberId, receivable_id: e.receivableId, step_key: e.stepKey, kind: e.kind, status: e.status, on_date: e.onDate,
        detail: JSON.stringify(e.detail ?? null), actor: e.actor ?? 'system',
      }).onConflict((oc) => oc.columns(['member_id', 'receivable_id', 'step_key']).doNothing()).returning('id').executeTakeFirst()
      return Boolean(r)
    },
    async patchState(memberId: string, receivableId: number, patch: StatePatch): Promise<void> {
      const row = { member_id: memberId, receivable_id: receivableId, ...patch, updated_at: new Date() }
      await db.insertInto('dunning_receivables').values(row)
        .onConflict((oc) => oc.columns(['member_id', 'receivable_id']).doUpdateSet({ ...patch, updated_at: row.updated_at })).execute()
    },
    /** The "next reminder" date of many receivables in a few statements (the scan's bookkeeping). */
    async setNextDates(memberId: string, list: { receivableId: number; date: string | null }[]): Promise<void> {
      const now = new Date()
      for (let i = 0; i < list.length; i += 1000) {
        const rows = list.slice(i, i + 1000).map((x) => ({ member_id: memberId, receivable_id: x.receivableId, next_reminder_date: x.date, updated_at: now }))
        await db.insertInto('dunning_receivables').values(rows)
          .onConflict((oc) => oc.columns(['member_id', 'receivable_id']).doUpdateSet((eb) => ({ next_reminder_date: eb.ref('excluded.next_reminder_date'), updated_at: now }))).execute()
      }
    },
    async patchCounterparty(memberId: string, counterpartyId: number, patch: Partial<{ segment: string | null; risk_segment: 'low' | 'normal' | 'high' | null; do_not_dun: boolean; override: string | null; telegram_chat_id: string | null; timezone: string | null; lang: 'ru' | 'en' | null; status: 'ok' | 'overdue' | 'escalated' | 'claim' }>): Promise<void> {
      const row = { member_id: memberId, counterparty_id: counterpartyId, ...patch, updated_at: new Date() }
      await db.insertInto('dunning_counterparties').values(row)
        .onConflict((oc) => oc.columns(['member_id', 'counterparty_id']).doUpdateSet({ ...patch, updated_at: row.updated_at })).execute()
    },
    async employeeChat(memberId: string, userId: number): Promise<string | null> {
      const r = await db.selectFrom('dunning_employee_chats').select('telegram_chat_id').where('member_id', '=', memberId).where('user_id', '=', userId).executeTakeFirst()
      return r?.telegram_chat_id ?? null
    },
    async setEmployeeChat(memberId: string, userId: number, chatId: string): Promise<void> {
      await db.insertInto('dunning_employee_chats').values({ member_id: memberId, user_id: userId, telegram_chat_id: chatId })
        .onConflict((oc) => oc.columns(['member_id', 'user_id']).doUpdateSet({ telegram_chat_id: chatId })).execute()
    },
  }
}
export type DunningRepository = ReturnType<typeof dunningRepository>
