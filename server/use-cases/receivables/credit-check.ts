// The credit check behind the credit-check robot: a company's or contact's open debt from the ledger
// against the designer's limits. A party the ledger does not know is looked up in the portal first,
// so a mistyped id is a clear error rather than a clean "no debt".
import { checkCredit, type CreditLimits, type CreditVerdict } from '../../domain/receivables/credit-check.ts'
import type { CounterpartySummaryDto } from '../../../contracts/receivables.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { CounterpartyType } from '../../storage/repositories/counterparties.ts'
import { ledgerRepos } from './ledger-tx.ts'
import { LedgerError } from './ledger-error.ts'
import { counterpartySummary } from './receivables-read.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'

export interface CreditParty {
  type: CounterpartyType
  entityId: number
}

const notFound = (e: { code?: string }) => e.code === 'NOT_FOUND' || e.code === 'ERROR_NOT_FOUND'

/** The company (first) or contact of a CRM item (a deal, a smart-process item, a smart invoice). */
export async function partyOfCrmItem(client: PortalClient, entityTypeId: number, id: number): Promise<CreditParty> {
  const got = await client.call<{ item: { companyId?: unknown; contactId?: unknown } }>('crm.item.get', {
    entityTypeId,
    id,
  })
  const companyId = Number(got.item.companyId ?? 0)
  if (companyId > 0) return { type: 'company', entityId: companyId }
  const contactId = Number(got.item.contactId ?? 0)
  if (contactId > 0) return { type: 'contact', entityId: contactId }
  throw new LedgerError('invalid', 'credit.no-party', `CRM item ${entityTypeId}/${id} has no company and no contact`)
}

async function assertPartyExists(client: PortalClient, p: CreditParty): Promise<void> {
  const method = p.type === 'company' ? 'crm.company.get' : 'crm.contact.get'
  const found = await client.call<{ ID?: unknown }>(method, { id: p.entityId }).catch((e: { code?: string }) => {
    if (notFound(e)) return null
    throw e
  })
  if (!found)
    throw new LedgerError('not-found', 'credit.party-not-found', `There is no ${p.type} ${p.entityId} in the portal`)
}

export async function runCreditCheck(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  party: CreditParty,
  limits: CreditLimits,
): Promise<{ summary: CounterpartySummaryDto; verdict: CreditVerdict }> {
  const known = await ledgerRepos(ports.db).counterparties.find(memberId, party.type, party.entityId)
  if (!known) await assertPartyExists(client, party)
  const summary = await counterpartySummary(ports, memberId, party.type, party.entityId)
  return { summary, verdict: checkCredit(summary, limits) }
}
