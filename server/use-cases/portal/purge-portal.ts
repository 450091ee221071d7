// The end of an uninstall with CLEAN: once the grace period is over and the portal was not
// reinstalled meanwhile, every row of ours for that portal is deleted, whatever feature added it.
import { sql } from 'kysely'
import type { AppDeps } from '../app-deps.ts'

/** Deletes the portal's data if it is still uninstalled and past its purge date at `now`; true if it did. */
export async function purgePortal(ctx: AppDeps, memberId: string, now: Date): Promise<boolean> {
  const portal = await ctx.repos.portals.get(memberId)
  if (!portal || portal.status !== 'uninstalled' || !portal.purgeAfter || portal.purgeAfter > now) return false
  // Every table of ours keyed by member_id, whatever feature added it.
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'member_id' AND table_name <> 'portals'`.execute(
    ctx.database.db,
  )
  // Tables referencing each other without ON DELETE CASCADE succeed in a later pass.
  let pending = tables.rows.map((r) => r.table_name)
  for (let pass = 0; pending.length && pass < 5; pass++) {
    const failed: string[] = []
    for (const table of pending) {
      try {
        await sql`DELETE FROM ${sql.table(table)} WHERE member_id = ${memberId}`.execute(ctx.database.db)
      } catch {
        failed.push(table)
      }
    }
    pending = failed
  }
  if (pending.length) throw new Error(`could not delete the portal's rows from ${pending.join(', ')}`)
  await ctx.repos.portals.delete(memberId)
  ctx.portalLookup.invalidate(memberId)
  ctx.log.info({ memberId, tables: tables.rows.length }, 'portal.purged')
  return true
}
