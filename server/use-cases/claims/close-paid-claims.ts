// A payment on the debt updates its recovery case: the case's principal field follows what is still
// owed, and the case moves to "Recovered" when the debt and the claimed penalty and interest are paid
// (what the debtor paid above the invoices counts towards them); while only that part is left, the
// lawyer hears so once.
import { sql } from 'kysely'
import { effectKeys } from '../effect-keys.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { claimsProcessOf, readClaimItem } from './claim-case.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { moneyValue, fieldName } from '../receivables/receivable-item-fields.ts'
import { notifyEmployee, dunningTimelineComment } from '../dunning/dunning-channels.ts'
import { loadClaimSettings } from './claim-settings.ts'
import { claimsRepository } from '../../storage/repositories/claims.ts'
import { formatAmount } from '../../domain/money/index.ts'

export async function closePaidClaims(ports: DunningPorts, memberId: string): Promise<number> {
  const process = await claimsProcessOf(ports, memberId)
  const recovery = process?.pipelines.recovery
  if (!process || !recovery || !ports.clients) return 0
  const rows = await sql<{ claim_item_id: number; remaining: string | number; over: string | number }>`
    SELECT d.claim_item_id, sum(greatest(r.amount - r.paid, 0)) AS remaining, sum(greatest(r.paid - r.amount, 0)) AS over
    FROM dunning_receivables d JOIN receivables r ON r.id = d.receivable_id AND r.member_id = d.member_id
    WHERE d.member_id = ${memberId} AND d.claim_item_id IS NOT NULL GROUP BY d.claim_item_id`.execute(ports.db)
  if (!rows.rows.length) return 0
  const client = await ports.clients.forPortal(memberId)
  const { lang } = await portalDay(ports, memberId)
  const principalField = fieldName(process, 'debtPrincipal')
  const synced = new Map(
    (
      await ports.db
        .selectFrom('claim_cases')
        .select(['id', 'item_id', 'synced_totals'])
        .where('member_id', '=', memberId)
        .where('kind', '=', 'recovery')
        .execute()
    ).map((c) => [c.item_id, c]),
  )
  let changed = 0
  for (const r of rows.rows) {
    const itemId = Number(r.claim_item_id)
    const remaining = Number(r.remaining)
    const over = Number(r.over)
    const signature = `debt:${remaining}:${over}`
    const known = synced.get(itemId)
    if (known?.synced_totals === signature) continue // nothing changed since the last scan
    const item = (
      await client
        .call<{ item?: Record<string, unknown> }>('crm.item.get', { entityTypeId: process.entityTypeId, id: itemId })
        .catch(() => null)
    )?.item
    if (!item) continue
    const facts = readClaimItem(process, item)
    if (facts.kind !== 'recovery' || facts.stage === 'SUCCESS' || facts.stage === 'FAIL') {
      if (known) await claimsRepository(ports.db).setCase(memberId, Number(known.id), { synced_totals: signature })
      continue
    }
    const fields: Record<string, unknown> = {}
    if (principalField && facts.principal !== remaining) fields[principalField] = moneyValue(remaining, 'RUB')
    // the claimed penalty and interest still unpaid: what was paid above the invoices goes to them
    const extra = Math.max(facts.penalty + facts.interest - over, 0)
    if (remaining === 0 && extra === 0 && recovery.stages.SUCCESS) fields.stageId = recovery.stages.SUCCESS
    if (Object.keys(fields).length) {
      await client.call('crm.item.update', { entityTypeId: process.entityTypeId, id: itemId, fields })
      changed++
    }
    if (known) await claimsRepository(ports.db).setCase(memberId, Number(known.id), { synced_totals: signature })
    if (remaining === 0 && extra === 0) {
      await dunningTimelineComment(
        ports,
        client,
        memberId,
        effectKeys.claimStageEffect(memberId, itemId, 'SUCCESS', 'paid-comment'),
        process.entityTypeId,
        itemId,
        facts.penalty + facts.interest > 0
          ? lang === 'ru'
            ? 'Долг, неустойка и проценты погашены полностью — дело закрыто как «Взыскано».'
            : 'The debt, the penalty and the interest are paid in full: the case is closed as Recovered.'
          : lang === 'ru'
            ? 'Долг погашен полностью — дело закрыто как «Взыскано».'
            : 'The debt is paid in full: the case is closed as Recovered.',
      )
    } else if (remaining === 0) {
      const lawyer = (await loadClaimSettings(ports, memberId)).specialistId ?? facts.assignedById ?? 1
      await notifyEmployee(
        ports,
        client,
        memberId,
        effectKeys.claimStageEffect(memberId, itemId, 'PRINCIPAL_PAID', `notify-${lawyer}`),
        lawyer,
        lang === 'ru'
          ? `По делу «${facts.title}» основной долг погашен; остаются заявленные неустойка и проценты: ${formatAmount(extra, 'ru')} ₽. Дело закроется как «Взыскано», когда они будут оплачены; если их простили — закройте его вручную.`
          : `In "${facts.title}" the principal is paid; the claimed penalty and interest remain: ${formatAmount(extra, 'en')} RUB. The case closes as Recovered once they are paid; if they were waived, close it by hand.`,
      )
    }
  }
  return changed
}
