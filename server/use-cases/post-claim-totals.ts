// Total / paid / remaining of a claim, with its timeline totals comment created once and updated in
// place: the payout tranches of a compensation claim, or the invoices of a debt-recovery case.
import { sql } from 'kysely'
import { payoutTotals, type PayoutTotals } from '../domain/claims/payouts.ts'
import { renderClaimTotalsComment } from '../domain/claims/claim-totals-comment.ts'
import type { PortalClient } from '../bitrix24/client/portal-client.ts'
import { claimsRepository } from '../storage/repositories/claims.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { loadClaim } from './claim-case.ts'
import { portalDay } from './receivable-calendar.ts'
import { syncClaimTotals } from './sync-claim-totals.ts'
import { planTotalsComment, releaseFresh, settleTotalsComment } from './totals-comments.ts'

export async function postClaimTotals(ports: ReceivablesPorts, client: PortalClient, memberId: string, itemId: number): Promise<PayoutTotals & { kind: 'payout' | 'recovery' }> {
  const l = await loadClaim(ports, client, memberId, itemId)
  const { lang } = await portalDay(ports, memberId)
  if (l.facts.kind === 'payout') {
    const tranches = await claimsRepository(ports.db).tranches(memberId, l.claim.id)
    await syncClaimTotals(ports, client, l.process, l.claim, tranches, lang)
    return { ...payoutTotals(tranches), kind: 'payout' }
  }
  const r = await sql<{ total: string | number | null; paid: string | number | null }>`SELECT sum(r.amount) AS total, sum(least(r.paid, r.amount)) AS paid
    FROM dunning_receivables d JOIN receivables r ON r.id = d.receivable_id AND r.member_id = d.member_id
    WHERE d.member_id = ${memberId} AND d.claim_item_id = ${itemId}`.execute(ports.db)
  const total = Number(r.rows[0]?.total ?? 0)
  const paid = Number(r.rows[0]?.paid ?? 0)
  const totals = { total, paid, remaining: total - paid }
  const planned = await planTotalsComment(ports, client, memberId, { kind: 'claim', id: l.claim.id, entityType: `dynamic_${l.process.entityTypeId}`, entityId: itemId },
    renderClaimTotalsComment(l.claim.id, totals, lang, 'recovery'))
  let res
  try {
    res = await client.batch({ comment: planned.command }, { halt: false, idempotent: false })
  } catch (e) {
    // only an answer that certainly did not reach the portal frees a fresh comment for a retry
    const status = (e as { status?: number }).status
    if (status === 503 || status === 429) await releaseFresh(ports, [planned])
    throw e
  }
  await settleTotalsComment(ports, planned, 'comment', res)
  return { ...totals, kind: 'recovery' }
}
