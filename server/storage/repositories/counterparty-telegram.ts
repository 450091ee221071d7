// One-time Telegram links of counterparties (migration 125): issue a token (its SHA-256 is kept), and
// use it once: the chat becomes the counterparty's dunning chat in the same transaction.
import type { Db } from '../database.ts'
import { inTransaction } from '../transaction.ts'

export type TokenUse =
  | { status: 'linked' | 'already-linked' | 'used' | 'expired'; memberId: string; counterpartyId: number }
  | { status: 'unknown' }

export function counterpartyTelegramRepository(db: Db) {
  return {
    async createToken(t: {
      tokenHash: string
      memberId: string
      counterpartyId: number
      createdBy: string
      expiresAt: Date
      now: Date
    }): Promise<void> {
      await db
        .insertInto('counterparty_telegram_tokens')
        .values({
          token_hash: t.tokenHash,
          member_id: t.memberId,
          counterparty_id: t.counterpartyId,
          created_by: t.createdBy,
          expires_at: t.expiresAt,
          created_at: t.now,
        })
        .execute()
    },

    /** Uses a token once (conditional update) and binds the chat; a token seen again says why nothing changed.
     *  The chat that used it, still bound, is "already-linked" (a retried update), never a second bind. */
    async useToken(tokenHash: string, chatId: string, now: Date): Promise<TokenUse> {
      return inTransaction(db, async (trx) => {
        const won = await trx
          .updateTable('counterparty_telegram_tokens')
          .set({ used_at: now, used_chat_id: chatId })
          .where('token_hash', '=', tokenHash)
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .returning(['member_id', 'counterparty_id'])
          .executeTakeFirst()
        if (won) {
          const patch = { telegram_chat_id: chatId, telegram_linked_at: now, updated_at: now }
          await trx
            .insertInto('dunning_counterparties')
            .values({ member_id: won.member_id, counterparty_id: won.counterparty_id, ...patch })
            .onConflict((oc) => oc.columns(['member_id', 'counterparty_id']).doUpdateSet(patch))
            .execute()
          return { status: 'linked', memberId: won.member_id, counterpartyId: Number(won.counterparty_id) }
        }
        const row = await trx
          .selectFrom('counterparty_telegram_tokens')
          .select(['member_id', 'counterparty_id', 'used_at', 'used_chat_id'])
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst()
        if (!row) return { status: 'unknown' }
        const who = { memberId: row.member_id, counterpartyId: Number(row.counterparty_id) }
        if (!row.used_at) return { status: 'expired', ...who }
        // a replay from the chat that used it, while that chat is still the counterparty's: nothing to do
        const current = await trx
          .selectFrom('dunning_counterparties')
          .select('telegram_chat_id')
          .where('member_id', '=', row.member_id)
          .where('counterparty_id', '=', row.counterparty_id)
          .executeTakeFirst()
        const same = row.used_chat_id === chatId && current?.telegram_chat_id === chatId
        return { status: same ? 'already-linked' : 'used', ...who }
      })
    },
  }
}
