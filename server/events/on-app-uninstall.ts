// ONAPPUNINSTALL (already verified against the stored application_token by the route): the portal
// is marked uninstalled and kept; with CLEAN=1 every row of ours for that portal is deleted.
import { sql } from 'kysely'
import type { AppContext } from '../context.ts'
import type { InboundEvent } from '../bitrix24/inbound/parse-event.ts'

export async function onAppUninstall(ctx: AppContext, event: InboundEvent): Promise<void> {
  const memberId = event.auth.memberId
  const clean = String(event.data.CLEAN ?? '0') === '1'
  await ctx.repos.portals.setStatus(memberId, 'uninstalled', clean ? 'uninstalled with data deletion' : 'uninstalled')
  ctx.portalLookup.invalidate(memberId)
  ;(ctx.b24 as { forget?: (m: string) => void } | undefined)?.forget?.(memberId)
  if (!clean) {
    await ctx.repos.audit.record({ memberId, actor: 'portal', source: 'event', action: 'portal.uninstalled', details: { clean } })
    ctx.log.info({ memberId }, 'portal.uninstalled')
    return
  }
  // Every table of ours keyed by member_id, whatever feature added it.
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'member_id' AND table_name <> 'portals'`.execute(ctx.database.db)
  // Tables referencing each other without ON DELETE CASCADE succeed in a later pass.
  let pending = tables.rows.map((r) => r.table_name)
  for (let pass = 0; pending.length && pass < 5; pass++) {
    const failed: string[] = []
    for (const table of pending) {
      try { await sql`DELETE FROM ${sql.table(table)} WHERE member_id = ${memberId}`.execute(ctx.database.db) } catch { failed.push(table) }
    }
    pending = failed
  }
  if (pending.length) throw new Error(`could not delete the portal's rows from ${pending.join(', ')}`)
  await ctx.repos.portals.delete(memberId)
  ctx.log.info({ memberId, tables: tables.rows.length }, 'portal.uninstalled.clean')
}
