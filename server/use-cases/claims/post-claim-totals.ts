// Total / paid / remaining of a claim, with its timeline totals comment created once and updated in
// place: the payout tranches of a compensation claim, or the invoices of a debt-recovery case.
import { payoutTotals, type PayoutTotals } from '../../domain/claims/payouts.ts'
import { renderClaimTotalsComment } from '../../domain/claims/claim-totals-comment.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { claimsRepository } from '../../storage/repositories/claims.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import { loadClaim } from './claim-case.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { syncClaimTotals } from './sync-claim-totals.ts'
import { planTotalsComment, sendWithComments, settleTotalsComment } from '../receivables/totals-comments.ts'
import { recoveryDebt } from './recovery-debt.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import type { ClaimCase } from '../../storage/repositories/claims.ts'

export async function postClaimTotals(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  itemId: number,
): Promise<PayoutTotals & { kind: 'payout' | 'recovery' }> {
  const l = await loadClaim(ports, client, memberId, itemId)
  const { lang } = await portalDay(ports, memberId)
  if (l.facts.kind === 'payout') {
    const tranches = await claimsRepository(ports.db).tranches(memberId, l.claim.id)
    await syncClaimTotals(ports, client, l.process, l.claim, tranches, lang)
    return { ...payoutTotals(tranches), kind: 'payout' }
  }
  const totals = await syncRecoveryTotals(ports, client, l.process, l.claim, lang)
  return { ...totals, kind: 'recovery' }
}

/** A recovery case's totals comment (its invoices, and its settlement schedule when it has one) in one request. */
export async function syncRecoveryTotals(
  ports: ReceivablesPorts,
  client: PortalClient,
  process: InstalledProcess,
  claim: ClaimCase,
  lang: 'ru' | 'en',
): Promise<PayoutTotals> {
  const { total, paid } = await recoveryDebt(ports.db, claim.memberId, claim.itemId)
  const totals = { total, paid, remaining: total - paid }
  const tranches = await claimsRepository(ports.db).tranches(claim.memberId, claim.id)
  const planned = await planTotalsComment(
    ports,
    client,
    claim.memberId,
    { kind: 'claim', id: claim.id, entityType: `dynamic_${process.entityTypeId}`, entityId: claim.itemId },
    renderClaimTotalsComment(totals, lang, 'recovery', tranches.length ? payoutTotals(tranches) : null),
  )
  const res = await sendWithComments(ports, client, { comment: planned.command }, [planned])
  await settleTotalsComment(ports, planned, 'comment', res)
  return totals
}
