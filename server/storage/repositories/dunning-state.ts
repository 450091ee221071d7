// The per-receivable and per-counterparty dunning state (pauses, promises, overrides, next reminder
// date, Telegram chats), written as upserts.
import type { Db } from '../database.ts'

export type StatePatch = Partial<{
  risk_segment: 'low' | 'normal' | 'high' | null
  do_not_dun: boolean
  paused_until: string | null
  pause_reason: string | null
  promised_date: string | null
  promised_amount: number | null
  promise_recorded_on: string | null
  remaining_at_promise: number | null
  override: string | null
  claim_item_id: number | null
  claim_sent_on: string | null
  next_reminder_date: string | null
}>

export function dunningStateQueries(db: Db) {
  return {
    async patchState(memberId: string, receivableId: number, patch: StatePatch): Promise<void> {
      const row = { member_id: memberId, receivable_id: receivableId, ...patch, updated_at: new Date() }
      await db
        .insertInto('dunning_receivables')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['member_id', 'receivable_id']).doUpdateSet({ ...patch, updated_at: row.updated_at }),
        )
        .execute()
    },
    /** The "next reminder" date of many receivables in a few statements (the scan's bookkeeping). */
    async setNextDates(memberId: string, list: { receivableId: number; date: string | null }[]): Promise<void> {
      const now = new Date()
      for (let i = 0; i < list.length; i += 1000) {
        const rows = list.slice(i, i + 1000).map((x) => ({
          member_id: memberId,
          receivable_id: x.receivableId,
          next_reminder_date: x.date,
          updated_at: now,
        }))
        await db
          .insertInto('dunning_receivables')
          .values(rows)
          .onConflict((oc) =>
            oc
              .columns(['member_id', 'receivable_id'])
              .doUpdateSet((eb) => ({ next_reminder_date: eb.ref('excluded.next_reminder_date'), updated_at: now })),
          )
          .execute()
      }
    },
    async patchCounterparty(
      memberId: string,
      counterpartyId: number,
      patch: Partial<{
        segment: string | null
        risk_segment: 'low' | 'normal' | 'high' | null
        do_not_dun: boolean
        override: string | null
        telegram_chat_id: string | null
        telegram_linked_at: Date | null
        timezone: string | null
        lang: 'ru' | 'en' | null
        status: 'ok' | 'overdue' | 'escalated' | 'claim'
      }>,
    ): Promise<void> {
      const row = { member_id: memberId, counterparty_id: counterpartyId, ...patch, updated_at: new Date() }
      await db
        .insertInto('dunning_counterparties')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['member_id', 'counterparty_id']).doUpdateSet({ ...patch, updated_at: row.updated_at }),
        )
        .execute()
    },
    async employeeChat(memberId: string, userId: number): Promise<string | null> {
      const r = await db
        .selectFrom('dunning_employee_chats')
        .select('telegram_chat_id')
        .where('member_id', '=', memberId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
      return r?.telegram_chat_id ?? null
    },
    async setEmployeeChat(memberId: string, userId: number, chatId: string): Promise<void> {
      await db
        .insertInto('dunning_employee_chats')
        .values({ member_id: memberId, user_id: userId, telegram_chat_id: chatId })
        .onConflict((oc) => oc.columns(['member_id', 'user_id']).doUpdateSet({ telegram_chat_id: chatId }))
        .execute()
    },
  }
}
