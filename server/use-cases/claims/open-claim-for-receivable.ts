// Opens the debt-recovery claim of one receivable by hand (the receivable card's button, the
// claim-open robot): the same claim on a repeat. Refused for a paid or written-off receivable.
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InstallState } from '../../bitrix24/install-state.ts'
import { openReceivable } from '../dunning/dunning-actions.ts'
import { loadDunningRules } from '../dunning/dunning-settings.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { openClaim } from './open-claim.ts'

export interface OpenedClaim {
  claimItemId: number
  entityTypeId: number
}

/** null when the Claim Work smart process is not installed. */
export async function openClaimForReceivable(
  ports: DunningPorts,
  client: PortalClient,
  state: InstallState | null,
  memberId: string,
  receivableId: number,
  reason: (lang: 'ru' | 'en') => string,
): Promise<OpenedClaim | null> {
  const row = await openReceivable(ports, memberId, receivableId)
  const [rules, day] = await Promise.all([loadDunningRules(ports, memberId), portalDay(ports, memberId)])
  const claimItemId = await openClaim(ports, client, state, {
    memberId,
    row,
    rules,
    calendar: day.calendar,
    lang: day.lang,
    reason: reason(day.lang),
  })
  return claimItemId === null || !state?.processes.claims
    ? null
    : { claimItemId, entityTypeId: state.processes.claims.entityTypeId }
}
