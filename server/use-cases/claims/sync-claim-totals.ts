// The payouts totals of a compensation claim to the portal in ONE batch: the timeline comment
// (created once, then updated in place) and the item's total / paid / remaining fields.
import { payoutTotals, type Tranche } from '../../domain/claims/payouts.ts'
import { renderClaimTotalsComment } from '../../domain/claims/claim-totals-comment.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import { claimsRepository, type ClaimCase } from '../../storage/repositories/claims.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import { planTotalsComment, sendWithComments, settleTotalsComment } from '../receivables/totals-comments.ts'
import { moneyValue } from '../receivables/receivable-item-fields.ts'

export const totalsSignature = (t: { total: number; paid: number; remaining: number }) =>
  `${t.total}/${t.paid}/${t.remaining}`

/**
 * Writes the totals of `tranches`, then reads the tranches again: a job that changed one after they were
 * read (another tranche paid on another worker) may have written its newer totals before ours landed, so
 * the last writer puts the newer ones back (found by the multi-process run: 2,500 of 3,500 paid on a case
 * whose every tranche was paid).
 */
export async function syncClaimTotals(
  ports: ReceivablesPorts,
  client: PortalClient,
  process: InstalledProcess,
  claim: ClaimCase,
  tranches: readonly Tranche[],
  lang: 'ru' | 'en',
) {
  let list = tranches
  for (let round = 1; ; round++) {
    const totals = await writeClaimTotals(ports, client, process, claim, list, lang)
    const now = await claimsRepository(ports.db).tranches(claim.memberId, claim.id)
    if (round >= 3 || totalsSignature(payoutTotals(now)) === totalsSignature(totals)) return totals
    list = now
  }
}

async function writeClaimTotals(
  ports: ReceivablesPorts,
  client: PortalClient,
  process: InstalledProcess,
  claim: ClaimCase,
  tranches: readonly Tranche[],
  lang: 'ru' | 'en',
) {
  const totals = payoutTotals(tranches)
  const planned = await planTotalsComment(
    ports,
    client,
    claim.memberId,
    { kind: 'claim', id: claim.id, entityType: `dynamic_${process.entityTypeId}`, entityId: claim.itemId },
    renderClaimTotalsComment(totals, lang),
  )
  const fields: Record<string, unknown> = {}
  const set = (key: string, k: number) => {
    const f = process.fields[key]
    if (f) fields[f.restName] = moneyValue(k, 'RUB')
  }
  set('payoutsTotal', totals.total)
  set('payoutsPaid', totals.paid)
  set('payoutsRemaining', totals.remaining)
  const res = await sendWithComments(
    ports,
    client,
    {
      comment: planned.command,
      item: { method: 'crm.item.update', params: { entityTypeId: process.entityTypeId, id: claim.itemId, fields } },
    },
    [planned],
  )
  await settleTotalsComment(ports, planned, 'comment', res)
  if (res.errors.item) throw new Error(`crm.item.update of claim ${claim.itemId} failed: ${res.errors.item.error}`)
  await claimsRepository(ports.db).setCase(claim.memberId, claim.id, { synced_totals: totalsSignature(totals) })
  return totals
}
