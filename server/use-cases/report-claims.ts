// Claim cases by stage (seed 002: "table and chart"): the Claim Work items of the portal, read in
// one fast listing (one batch request per 2,500 items, id/category/stage/amount only), counted per
// pipeline and stage with their amounts. Stage names are the app's own titles (the manifest) in the
// language asked for (the UI's), not the portal's stage names, which are in the portal's language.
//
// Why not from our database: claim_cases cannot answer it. It holds a row only for items the app
// has acted on (an item made in the portal that no event reached yet has none); it keeps no amount
// (the item's opportunity); and the stage it keeps is exact only for debt recovery (payout cases
// are not re-read on their events, so their stage would be stale). Storing those would mean a
// migration and changes to the claim event handling; until then the portal is the source here.
import type { PortalClient } from '../bitrix24/client/portal-client.ts'
import { listAllBatched } from '../bitrix24/client/list-all.ts'
import { claimsProcess } from '../../install/processes/claims.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { claimsProcessOf } from './claim-case.ts'
import type { ClaimsReportDto } from '../http/contracts/reports.ts'

export async function claimsReport(ports: ReceivablesPorts, client: PortalClient, memberId: string, lang: 'ru' | 'en'): Promise<ClaimsReportDto> {
  const p = await claimsProcessOf(ports, memberId)
  if (!p) return { stages: [], names: {} }
  const items = await listAllBatched<{ id: number; categoryId: number; stageId: string; opportunity: number | string | null }>(client, 'crm.item.list', { entityTypeId: p.entityTypeId, select: ['id', 'categoryId', 'stageId', 'opportunity'] }, { itemsKey: 'items' })
  const rows: ClaimsReportDto['stages'] = []
  const names: Record<string, string> = {}
  for (const spec of claimsProcess.pipelines) {
    const pl = p.pipelines[spec.key]
    if (!pl) continue
    for (const st of spec.stages) {
      const id = pl.stages[st.code]
      if (!id) continue
      const mine = items.filter((i) => i.stageId === id)
      names[`${spec.key}:${st.code}`] = st.name[lang]
      rows.push({ pipeline: spec.key as 'recovery' | 'compensation', stage: st.code, count: mine.length, amount: mine.reduce((s, i) => s + Math.round(Number(i.opportunity ?? 0) * 100), 0) })
    }
  }
  return { stages: rows, names }
}
