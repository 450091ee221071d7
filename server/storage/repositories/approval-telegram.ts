// Telegram accounts of portal users: one-time link codes, links, and pending "send the reason" prompts.
import type { Db } from '../database.ts'
import { inTransaction } from '../transaction.ts'

export function approvalTelegramRepository(db: Db) {
  return {
    async createCode(memberId: string, userId: number, code: string, expiresAt: Date): Promise<void> {
      await db
        .insertInto('telegram_link_codes')
        .values({ code, member_id: memberId, user_id: userId, expires_at: expiresAt })
        .execute()
    },
    /** Uses a code once (conditional update): the portal user it was issued to, or null. */
    async consumeCode(code: string, now: Date): Promise<{ memberId: string; userId: number } | null> {
      const r = await db
        .updateTable('telegram_link_codes')
        .set({ used_at: now })
        .where('code', '=', code)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['member_id', 'user_id'])
        .executeTakeFirst()
      return r ? { memberId: r.member_id, userId: r.user_id } : null
    },
    async link(memberId: string, userId: number, chatId: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        await trx.deleteFrom('telegram_links').where('chat_id', '=', chatId).execute()
        await trx
          .insertInto('telegram_links')
          .values({ member_id: memberId, user_id: userId, chat_id: chatId })
          .onConflict((oc) =>
            oc.columns(['member_id', 'user_id']).doUpdateSet({ chat_id: chatId, linked_at: new Date() }),
          )
          .execute()
      })
    },
    async chatOf(memberId: string, userId: number): Promise<number | null> {
      const r = await db
        .selectFrom('telegram_links')
        .select('chat_id')
        .where('member_id', '=', memberId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
      return r ? Number(r.chat_id) : null
    },
    async userOfChat(chatId: number): Promise<{ memberId: string; userId: number } | null> {
      const r = await db
        .selectFrom('telegram_links')
        .select(['member_id', 'user_id'])
        .where('chat_id', '=', chatId)
        .executeTakeFirst()
      return r ? { memberId: r.member_id, userId: r.user_id } : null
    },
    async setReasonPrompt(p: {
      chatId: number
      memberId: string
      approvalId: number
      round: number
      stepIndex: number
      expiresAt: Date
    }): Promise<void> {
      const row = {
        chat_id: p.chatId,
        member_id: p.memberId,
        approval_id: p.approvalId,
        round: p.round,
        step_index: p.stepIndex,
        expires_at: p.expiresAt,
      }
      await db
        .insertInto('telegram_reason_prompts')
        .values(row)
        .onConflict((oc) => oc.column('chat_id').doUpdateSet(row))
        .execute()
    },
    /** Takes (and removes) the chat's pending prompt if it has not expired. */
    async takeReasonPrompt(
      chatId: number,
      now: Date,
    ): Promise<{ memberId: string; approvalId: number; round: number; stepIndex: number } | null> {
      const r = await db
        .deleteFrom('telegram_reason_prompts')
        .where('chat_id', '=', chatId)
        .returningAll()
        .executeTakeFirst()
      if (!r || r.expires_at <= now) return null
      return { memberId: r.member_id, approvalId: Number(r.approval_id), round: r.round, stepIndex: r.step_index }
    },
  }
}
export type ApprovalTelegramRepository = ReturnType<typeof approvalTelegramRepository>
