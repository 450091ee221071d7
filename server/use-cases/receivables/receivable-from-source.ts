// A deal (or smart invoice) that reaches the stage the admin picked for its pipeline becomes one receivable:
// the source's amount, its counterparty, the counterparty's contract and the due date from the contract's
// payment terms (calendar or working days). Once per source: the receivable and its source link are inserted
// in one transaction under the link's primary key, so a second event, a retried job or the reconcile finds it.
// Later amount changes are followed until the invoice is sent (stage NEW), then only reported.
import { addDays, addWorkingDays } from '../../domain/calendar/index.ts'
import { effectiveDueDate } from '../../domain/receivables/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { Contract } from '../../storage/repositories/contracts.ts'
import type { Receivable } from '../../storage/repositories/receivables.ts'
import { sourceReceivablesRepository, type SourceLink } from '../../storage/repositories/source-receivables.ts'
import { invoiceNumbersRepository } from '../../storage/repositories/invoice-numbers.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { receivablesProcessOf } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import { inLedgerTx, ledgerRepos } from './ledger-tx.ts'
import { enqueueMirror } from './enqueue-mirror.ts'
import { readLegalEntities } from '../admin/legal-entities.ts'
import { sameNumberInvoices } from './invoice-number-rule.ts'
import { fieldName, moneyValue } from './receivable-item-fields.ts'
import { readSourceSettings, sourceEntityType } from './source-settings.ts'
import { sourceInvoiceNumber, type SourceItem } from './source-item.ts'
import { SourceError } from './source-messages.ts'

export type SourceOutcome =
  | { status: 'ignored' | 'unchanged' }
  | { status: 'created' | 'amount-updated'; receivable: Receivable }
  | { status: 'amount-frozen'; receivable: Receivable; reported: boolean }

const SOURCE_ACTOR = 'system:receivable-source'

/** Throws SourceError (bad input: nothing changed) for a source at its stage that cannot become an invoice. */
export async function receivableFromItem(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  item: SourceItem,
): Promise<SourceOutcome> {
  const settings = await readSourceSettings(ports.settings, memberId)
  if (sourceEntityType(settings.source) !== item.entityTypeId) return { status: 'ignored' }
  const link = await sourceReceivablesRepository(ports.db).find(memberId, item.entityTypeId, item.id)
  if (link) return followAmount(ports, client, memberId, item, link)
  if (settings.stages[String(item.categoryId)] !== item.stageId) return { status: 'ignored' }
  return createFromItem(ports, client, memberId, item)
}

async function createFromItem(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  item: SourceItem,
): Promise<SourceOutcome> {
  if (!item.party) throw new SourceError({ code: 'source.no-counterparty', title: item.title })
  if (item.amount === null || item.amount <= 0) throw new SourceError({ code: 'source.no-amount', title: item.title })
  const repos = ledgerRepos(ports.db)
  const cp = await repos.counterparties.find(memberId, item.party.type, item.party.id)
  const contract = cp ? pickContract(await repos.contracts.listByCounterparty(memberId, cp.id)) : null
  if (!cp || !contract) {
    const counterparty = cp?.name ?? (await partyName(client, item.party))
    throw new SourceError({ code: 'source.no-contract', title: item.title, counterparty })
  }
  if (contract.paymentTermsDays === null)
    throw new SourceError({ code: 'source.no-payment-terms', title: item.title, contract: contract.number })
  const { calendar, today } = await portalDay(ports, memberId)
  const dueDate =
    contract.paymentTermsKind === 'working'
      ? addWorkingDays(calendar, today, contract.paymentTermsDays)
      : addDays(today, contract.paymentTermsDays)
  const invoiceNumber = sourceInvoiceNumber(item)
  const ours = await readLegalEntities(ports, memberId)
  const amount = item.amount
  const created = await inLedgerTx(ports.db, async (r, trx) => {
    await invoiceNumbersRepository(trx).lock(memberId, invoiceNumber)
    const [clash] = await sameNumberInvoices(trx, ours, memberId, {
      invoiceNumber,
      invoiceDate: today,
      legalEntity: contract.legalEntity,
    })
    if (clash) throw new SourceError({ code: 'source.number-taken', title: item.title, invoiceNumber })
    const rec = await r.receivables.insert(memberId, {
      counterpartyId: cp.id,
      contractId: contract.id,
      itemId: null,
      invoiceNumber,
      invoiceDate: today,
      dueDate,
      effectiveDueDate: effectiveDueDate(calendar, dueDate),
      amount,
      currency: item.currency,
      stage: 'NEW',
      responsibleId: item.assignedById,
      createdBy: SOURCE_ACTOR,
      createdSource: item.entityTypeId === 2 ? 'deal' : 'smart-invoice',
    })
    // a second job for the same source fails here (primary key) and the whole insert rolls back
    await sourceReceivablesRepository(trx).insert(memberId, {
      sourceType: item.entityTypeId,
      sourceId: item.id,
      receivableId: rec.id,
      amount,
    })
    await r.audit.record({
      memberId,
      actor: SOURCE_ACTOR,
      source: item.entityTypeId === 2 ? 'deal' : 'smart-invoice',
      action: 'receivable.created',
      entity: 'receivable',
      entityId: String(rec.id),
      details: { sourceType: item.entityTypeId, sourceId: item.id, invoiceNumber, amount, dueDate },
    })
    return rec
  }).catch((e: unknown) => {
    if ((e as { code?: string }).code === '23505' && /source_receivables/.test((e as Error).message)) return null
    throw e
  })
  if (!created) return { status: 'unchanged' }
  await enqueueMirror(ports, { memberId, receivableId: created.id, trigger: 'money' }, created.version)
  return { status: 'created', receivable: created }
}

/** The company's title or the contact's name as the portal has it (crm.company.get / crm.contact.get). */
async function partyName(client: PortalClient, party: NonNullable<SourceItem['party']>): Promise<string> {
  const method = party.type === 'company' ? 'crm.company.get' : 'crm.contact.get'
  const r = await client.call<Record<string, unknown>>(method, { id: party.id }).catch(() => null)
  const name =
    party.type === 'company' ? r?.TITLE : [r?.NAME, r?.LAST_NAME].filter((v) => typeof v === 'string' && v).join(' ')
  return typeof name === 'string' && name.trim() ? name.trim() : '—'
}

/** The counterparty's contract for a new invoice: the newest one not closed. */
function pickContract(contracts: Contract[]): Contract | null {
  return contracts.filter((c) => c.status !== 'closed').sort((a, b) => b.id - a.id)[0] ?? null
}

async function followAmount(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  item: SourceItem,
  link: SourceLink,
): Promise<SourceOutcome> {
  const amount = item.amount
  if (amount === null || amount <= 0 || amount === link.amount) return { status: 'unchanged' }
  const rec = await ledgerRepos(ports.db).receivables.get(memberId, link.receivableId)
  if (!rec) return { status: 'ignored' }
  if (rec.stage !== 'NEW') {
    // sent to the client: the invoice keeps its amount; told once per new amount (tell-source-problem.ts)
    if (link.frozenAmount === amount) return { status: 'amount-frozen', receivable: rec, reported: false }
    return { status: 'amount-frozen', receivable: rec, reported: true }
  }
  // the portal item first (the item is the truth the item sync follows), then the ledger
  const process = await receivablesProcessOf(ports, memberId)
  const amountField = process ? fieldName(process, 'amount') : null
  if (rec.itemId && process && amountField)
    await client.call('crm.item.update', {
      entityTypeId: process.entityTypeId,
      id: rec.itemId,
      fields: { [amountField]: moneyValue(amount, rec.currency) },
    })
  const updated = await inLedgerTx(ports.db, async (r, trx) => {
    if (!(await sourceReceivablesRepository(trx).setAmount(memberId, link, amount))) return null
    await r.receivables.updateTerms(memberId, rec.id, { amount })
    await r.audit.record({
      memberId,
      actor: SOURCE_ACTOR,
      source: item.entityTypeId === 2 ? 'deal' : 'smart-invoice',
      action: 'receivable.terms-changed',
      entity: 'receivable',
      entityId: String(rec.id),
      details: { amount, from: rec.amount, sourceType: item.entityTypeId, sourceId: item.id },
    })
    return r.receivables.get(memberId, rec.id)
  })
  if (!updated) return { status: 'unchanged' }
  await enqueueMirror(ports, { memberId, receivableId: updated.id, trigger: 'money' }, updated.version)
  return { status: 'amount-updated', receivable: updated }
}

/** Records that the change to `amount` after sending was reported (once per amount). */
export async function markAmountReported(ports: ReceivablesPorts, memberId: string, item: SourceItem): Promise<void> {
  const repo = sourceReceivablesRepository(ports.db)
  const link = await repo.find(memberId, item.entityTypeId, item.id)
  if (link && item.amount !== null) await repo.setFrozenAmount(memberId, link, item.amount)
}
