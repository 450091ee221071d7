// A Claim Work item read through the install state (pipeline -> kind, money and date fields), and
// its case row in our database (created on first use).
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { claimsRepository, type ClaimCase } from '../../storage/repositories/claims.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import { parseDayValue, parseMoneyValue } from '../receivables/receivable-item-fields.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { normaliseCaseNumber } from '../../domain/claims/court-case-number.ts'

export interface ClaimItemFacts {
  kind: 'recovery' | 'payout'
  stage: string | null
  title: string
  assignedById: number | null
  companyId: number | null
  contactId: number | null
  agreed: number | null
  principal: number
  penalty: number
  interest: number
  claimSentOn: string | null
  pretrialEndsOn: string | null
  limitationEndsOn: string | null
  courtCase: string | null
}

export async function claimsProcessOf(
  ports: Pick<ReceivablesPorts, 'installState'>,
  memberId: string,
): Promise<InstalledProcess | null> {
  return (await ports.installState(memberId))?.processes.claims ?? null
}

const num = (v: unknown) => {
  const n = Number(v)
  return Number.isSafeInteger(n) && n > 0 ? n : null
}

export function readClaimItem(p: InstalledProcess, item: Record<string, unknown>): ClaimItemFacts {
  const get = (key: string) => (p.fields[key] ? item[p.fields[key].restName] : undefined)
  const money = (key: string) => parseMoneyValue(get(key))?.kopecks ?? 0
  let kind: 'recovery' | 'payout' = 'recovery'
  let stage: string | null = null
  for (const [key, pl] of Object.entries(p.pipelines)) {
    if (!pl || (pl.categoryId !== Number(item.categoryId) && !Object.values(pl.stages).includes(String(item.stageId))))
      continue
    kind = key === 'compensation' ? 'payout' : 'recovery'
    stage = Object.entries(pl.stages).find(([, id]) => id === item.stageId)?.[0] ?? null
  }
  const agreed = parseMoneyValue(get('compensationAmount'))?.kopecks
  const courtCase = get('courtCaseNumber')
  return {
    kind,
    stage,
    title: typeof item.title === 'string' ? item.title : `#${String(item.id)}`,
    assignedById: num(item.assignedById),
    companyId: num(item.companyId),
    contactId: num(item.contactId),
    agreed: agreed && agreed > 0 ? agreed : null,
    principal: money('debtPrincipal'),
    penalty: money('penalty'),
    interest: money('interest'),
    claimSentOn: parseDayValue(get('claimSentDate')),
    pretrialEndsOn: parseDayValue(get('pretrialDeadline')),
    limitationEndsOn: parseDayValue(get('limitationExpires')),
    courtCase: typeof courtCase === 'string' && courtCase.trim() ? courtCase.trim() : null,
  }
}

export interface LoadedClaim {
  process: InstalledProcess
  facts: ClaimItemFacts
  claim: ClaimCase
  counterpartyName: string | null
}

/** The item (and its company or contact name) in one batch; the case row is created or refreshed. */
export async function loadClaim(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  itemId: number,
): Promise<LoadedClaim> {
  const process = await claimsProcessOf(ports, memberId)
  if (!process)
    throw new LedgerError(
      'not-found',
      'claims.not-installed',
      'The Claim Work smart process is not installed in this portal',
    )
  const res = await client.batch<Record<string, unknown>>({
    item: { method: 'crm.item.get', params: { entityTypeId: process.entityTypeId, id: itemId } },
  })
  const item = (res.results.item as { item?: Record<string, unknown> } | undefined)?.item
  if (!item) throw new LedgerError('not-found', 'claim.not-found', `Claim item ${itemId} was not found in the portal`)
  const facts = readClaimItem(process, item)
  let counterpartyName: string | null = null
  if (facts.companyId || facts.contactId) {
    const party = await client
      .call<Record<string, unknown>>(facts.companyId ? 'crm.company.get' : 'crm.contact.get', {
        id: facts.companyId ?? facts.contactId,
      })
      .catch(() => null)
    counterpartyName = party
      ? String(party.TITLE ?? [party.NAME, party.LAST_NAME].filter(Boolean).join(' ')) || null
      : null
  }
  const claim = await rememberCourtCase(
    ports,
    await claimsRepository(ports.db).upsert(memberId, {
      itemId,
      kind: facts.kind,
      title: facts.title,
      counterpartyName,
      assignedById: facts.assignedById,
    }),
    facts.courtCase,
  )
  return { process, facts, claim, counterpartyName }
}

/** Keeps the case's normalised court case number in step with the item (incoming court e-mails are bound by it). */
export async function rememberCourtCase(
  ports: Pick<ReceivablesPorts, 'db'>,
  claim: ClaimCase,
  raw: string | null,
): Promise<ClaimCase> {
  const courtCase = raw ? normaliseCaseNumber(raw) : null
  if (courtCase === claim.courtCase) return claim
  await claimsRepository(ports.db).setCase(claim.memberId, claim.id, { court_case: courtCase })
  return { ...claim, courtCase }
}
