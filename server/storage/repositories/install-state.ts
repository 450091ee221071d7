import type { Db } from '../database.ts'
import type { InstallState } from '../../domain/install-state.ts'

export function installStateRepository(db: Db) {
  return {
    async get(memberId: string): Promise<InstallState | null> {
      const r = await db
        .selectFrom('install_state')
        .select('state')
        .where('member_id', '=', memberId)
        .executeTakeFirst()
      return r ? (r.state as InstallState) : null
    },
    async save(memberId: string, state: InstallState): Promise<void> {
      const row = { member_id: memberId, state: JSON.stringify(state), updated_at: new Date() }
      await db
        .insertInto('install_state')
        .values(row)
        .onConflict((oc) => oc.column('member_id').doUpdateSet({ state: row.state, updated_at: row.updated_at }))
        .execute()
    },
    async delete(memberId: string): Promise<void> {
      await db.deleteFrom('install_state').where('member_id', '=', memberId).execute()
    },
  }
}
