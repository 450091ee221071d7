// Claim cases by stage (seed 002: "table and chart"): the Claim Work items of the portal, read in
// one fast listing (one batch request per 2,500 items, id/category/stage/amount only), counted per
// pipeline and stage with their amounts. Stage names are the app's own titles (the manifest) in the
// language asked for (the UI's), not the portal's stage names, which are in the portal's language.
//
// The amount of a case is our own money field, never the item's `opportunity`: our type is created
// without isLinkWithProductsEnabled, and a real portal stores no opportunity then (it reads back as
// null, object-fields.md). Debt recovery: the debt principal the claim was opened with (updated by
// the claim letter); compensation: the agreed compensation amount. Old items that kept their
// amount only in `opportunity` are copied into the field by the install reconcile (claim-amounts).
//
// Why not from our database: claim_cases cannot answer it. It holds a row only for items the app
// has acted on (an item made in the portal that no event reached yet has none), and the stage it
// keeps is exact only for debt recovery (payout cases are not re-read on their events).
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { listAllBatched } from '../../bitrix24/client/list-all.ts'
import { claimsProcess } from '../../../install/processes/claims.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import { claimsProcessOf } from '../claims/claim-case.ts'
import type { ClaimsReportDto } from '../../../contracts/reports.ts'
import { fieldName, parseMoneyValue } from '../receivables/receivable-item-fields.ts'

const amountOf = (item: Record<string, unknown>, field: string | null | undefined): number =>
  (field ? parseMoneyValue(item[field])?.kopecks : 0) ?? 0

export async function claimsReport(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  lang: 'ru' | 'en',
): Promise<ClaimsReportDto> {
  const p = await claimsProcessOf(ports, memberId)
  if (!p) return { stages: [], names: {} }
  const amountField = { recovery: fieldName(p, 'debtPrincipal'), compensation: fieldName(p, 'compensationAmount') }
  const select = ['id', 'categoryId', 'stageId', ...Object.values(amountField).filter((f): f is string => Boolean(f))]
  const items = await listAllBatched<Record<string, unknown> & { id: number; stageId: string }>(
    client,
    'crm.item.list',
    { entityTypeId: p.entityTypeId, select },
    { itemsKey: 'items' },
  )
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
      rows.push({
        pipeline: spec.key as 'recovery' | 'compensation',
        stage: st.code,
        count: mine.length,
        amount: mine.reduce((s, i) => s + amountOf(i, amountField[spec.key as 'recovery' | 'compensation']), 0),
      })
    }
  }
  return { stages: rows, names }
}
