// The values of a multi-field (EMAIL, PHONE) of the counterparty's company or contact card, for a channel
// that needs one. A retryable failure throws (the job retries); a card that is gone or refused has none.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { Bitrix24Error } from '../../bitrix24/errors.ts'

export async function partyCardValues(
  client: PortalClient,
  party: { entityType: 'company' | 'contact'; entityId: number },
  field: 'EMAIL' | 'PHONE',
): Promise<string[]> {
  const method = party.entityType === 'company' ? 'crm.company.get' : 'crm.contact.get'
  const card = await client
    .call<Partial<Record<typeof field, { VALUE?: string }[]>>>(method, { id: party.entityId })
    .catch((e: unknown) => {
      if (e instanceof Bitrix24Error && !e.retryable) return null
      throw e
    })
  return (card?.[field] ?? []).map((v) => String(v.VALUE ?? ''))
}
