// The limitation end date of a debt-recovery case (domain rules §1.3): computed from the oldest
// invoice linked to the case and written to its "Limitation expires" field when the field is
// empty — a case opened before the app computed it, or one whose item was made by a lost attempt.
// A date the lawyer typed (suspension, interruption) is never overwritten.
import type { WorkingCalendar } from '../../domain/calendar/index.ts'
import { limitationEndsOn } from '../../domain/claims/limitation-period.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import type { LoadedClaim } from './claim-case.ts'
import { day } from '../../storage/repositories/ledger-sql.ts'
import { fieldName } from '../receivables/receivable-item-fields.ts'

/** The effective due dates of the invoices linked to a case (dunning state claim_item_id). */
export async function caseDueDates(
  ports: Pick<DunningPorts, 'db'>,
  memberId: string,
  claimItemId: number,
): Promise<string[]> {
  const rows = await ports.db
    .selectFrom('dunning_receivables as d')
    .innerJoin('receivables as r', (j) =>
      j.onRef('r.id', '=', 'd.receivable_id').onRef('r.member_id', '=', 'd.member_id'),
    )
    .select(day('r.effective_due_date').as('due'))
    .where('d.member_id', '=', memberId)
    .where('d.claim_item_id', '=', claimItemId)
    .execute()
  return rows.map((r) => String(r.due))
}

/** The claim with its limitation date filled in (one crm.item.update when it was empty and known). */
export async function fillLimitation(
  ports: DunningPorts,
  client: PortalClient,
  l: LoadedClaim,
  calendar: WorkingCalendar,
): Promise<LoadedClaim> {
  const field = fieldName(l.process, 'limitationExpires')
  if (!field || l.facts.limitationEndsOn || l.facts.kind !== 'recovery') return l
  const endsOn = limitationEndsOn(calendar, await caseDueDates(ports, l.claim.memberId, l.claim.itemId))
  if (!endsOn) return l
  await client.call('crm.item.update', {
    entityTypeId: l.process.entityTypeId,
    id: l.claim.itemId,
    fields: { [field]: endsOn },
  })
  return { ...l, facts: { ...l.facts, limitationEndsOn: endsOn } }
}
