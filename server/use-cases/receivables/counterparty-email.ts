// A counterparty's e-mail for a message to the client: the one we know, else read from its portal
// card (the item's event that brings it may not have been handled yet) and remembered.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { Counterparty } from '../../storage/repositories/counterparties.ts'
import { ledgerRepos } from './ledger-tx.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'

/** The first filled e-mail of a company or contact card; null when it has none or cannot be read. */
export async function portalEmailOf(
  client: PortalClient,
  type: 'company' | 'contact',
  id: number,
): Promise<string | null> {
  const party = await client
    .call<{ EMAIL?: { VALUE?: string }[] }>(type === 'company' ? 'crm.company.get' : 'crm.contact.get', { id })
    .catch(() => null)
  return party?.EMAIL?.find((e) => e.VALUE)?.VALUE ?? null
}

/** The counterparty with its e-mail filled from the portal when we did not know it yet. */
export async function withEmail(
  ports: Pick<ReceivablesPorts, 'db'>,
  client: PortalClient,
  cp: Counterparty,
): Promise<Counterparty> {
  if (cp.email) return cp
  const email = await portalEmailOf(client, cp.entityType, cp.entityId)
  return email ? ledgerRepos(ports.db).counterparties.upsert(cp.memberId, { ...cp, email }) : cp
}
