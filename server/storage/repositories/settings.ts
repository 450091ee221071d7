import type { Db } from '../database.ts'

/** Per-portal settings as JSON documents under stable keys (e.g. 'calendar', 'dunning.ladders'). */
export function settingsRepository(db: Db) {
  return {
    async get<T>(memberId: string, key: string): Promise<T | null> {
      const r = await db
        .selectFrom('portal_settings')
        .select('value')
        .where('member_id', '=', memberId)
        .where('key', '=', key)
        .executeTakeFirst()
      return r ? (r.value as T) : null
    },
    async set(memberId: string, key: string, value: unknown, updatedBy: string | null): Promise<void> {
      const row = {
        member_id: memberId,
        key,
        value: JSON.stringify(value),
        updated_by: updatedBy,
        updated_at: new Date(),
      }
      await db
        .insertInto('portal_settings')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['member_id', 'key'])
            .doUpdateSet({ value: row.value, updated_by: updatedBy, updated_at: row.updated_at }),
        )
        .execute()
    },
  }
}
export type SettingsRepository = ReturnType<typeof settingsRepository>
