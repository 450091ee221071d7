import type { Db } from '../../storage/database.ts'

/** The ledger receivable mirrored by a portal item (the receivable card tab opens on the item). */
export async function findReceivableIdByItem(db: Db, memberId: string, itemId: number): Promise<number | null> {
  const row = await db
    .selectFrom('receivables')
    .select('id')
    .where('member_id', '=', memberId)
    .where('item_id', '=', itemId)
    .executeTakeFirst()
  return row ? Number(row.id) : null
}
