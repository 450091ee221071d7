// The invoice for payment of a receivable as a PDF: our legal entity (the one named on its contract,
// else the default) with its bank, VAT rate and images, the counterparty as the buyer, the contract
// as the basis, one line for the invoice's amount. Requisites are checked first: a missing one makes
// no document and is named in words a person reads (ru/en), so nothing half-made goes to a client.
import { renderInvoicePdf } from '../../documents/invoice-pdf.ts'
import type { InvoiceModel } from '../../documents/invoice-model.ts'
import { formatDate } from '../../documents/format.ts'
import { PaymentQrError } from '../../domain/money/payment-qr-payload.ts'
import { invoiceQrPayload } from '../../documents/payment-qr.ts'
import type { Receivable } from '../../storage/repositories/receivables.ts'
import { contractsRepository } from '../../storage/repositories/contracts.ts'
import { counterpartiesRepository } from '../../storage/repositories/counterparties.ts'
import { creditorFor, readLegalEntities } from '../admin/legal-entities.ts'
import { readEntityImages } from '../admin/legal-entity-images.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { missingRequisiteText, type RequisiteField } from './invoice-requisites-i18n.ts'

export type InvoiceDocument =
  | { state: 'ready'; model: InvoiceModel; pdf: Buffer; fileName: string; qrPayload: string }
  /** No legal entity of ours is set up on the admin page: the app cannot make an invoice at all. */
  | { state: 'no-entity' }
  | { state: 'missing'; field: RequisiteField; message: string }

export interface BuyerRequisites {
  name?: string
  inn?: string
  kpp?: string
  address?: string
}

/** The counterparty's first requisite in the portal (crm.requisite.list; ENTITY_TYPE_ID 4 company, 3 contact). */
export async function buyerRequisitesOf(
  client: PortalClient,
  cp: { entityType: 'company' | 'contact'; entityId: number },
): Promise<BuyerRequisites> {
  const rows = await client.call<Record<string, string | null>[]>('crm.requisite.list', {
    filter: { ENTITY_TYPE_ID: cp.entityType === 'company' ? 4 : 3, ENTITY_ID: cp.entityId },
    select: ['RQ_INN', 'RQ_KPP', 'RQ_COMPANY_NAME'],
    order: { SORT: 'ASC', ID: 'ASC' },
  })
  const r = rows?.[0]
  if (!r) return {}
  return {
    ...(r.RQ_COMPANY_NAME ? { name: r.RQ_COMPANY_NAME } : {}),
    ...(r.RQ_INN ? { inn: r.RQ_INN } : {}),
    ...(r.RQ_KPP ? { kpp: r.RQ_KPP } : {}),
  }
}

/** The invoice model of a receivable, or the first requisite that is missing. */
export async function invoiceModelOf(
  ports: Pick<ReceivablesPorts, 'db' | 'settings'>,
  rec: Receivable,
  lang: 'ru' | 'en',
  portalBuyer: BuyerRequisites = {},
  /** false for a payment QR code alone (a reminder): the buyer's requisites are not printed then */
  checkBuyer = true,
): Promise<{ model: InvoiceModel; entityName: string } | { missing: RequisiteField; entityName: string } | null> {
  const contracts = contractsRepository(ports.db)
  const contract = rec.contractId
    ? ((await contracts.listByCounterparty(rec.memberId, rec.counterpartyId)).find((c) => c.id === rec.contractId) ??
      null)
    : null
  const entity = creditorFor(await readLegalEntities(ports, rec.memberId), [contract?.legalEntity ?? null])
  if (!entity) return null
  const ledger = await counterpartiesRepository(ports.db).get(rec.memberId, rec.counterpartyId)
  const cp = ledger && {
    entityType: ledger.entityType,
    name: portalBuyer.name || ledger.name,
    inn: portalBuyer.inn || ledger.inn,
    kpp: portalBuyer.kpp || ledger.kpp,
  }
  const b = entity.bankDetails
  const ours: [RequisiteField, string][] = [
    ['name', entity.name],
    ['inn', entity.inn],
    ['bank', b.bank],
    ['bic', b.bic],
    ['account', b.account],
  ]
  const gap = ours.find(([, v]) => !v?.trim())
  if (gap) return { missing: gap[0], entityName: entity.name }
  if (!cp) return { missing: 'buyerName', entityName: entity.name }
  if (checkBuyer && !cp.name?.trim()) return { missing: 'buyerName', entityName: entity.name }
  if (checkBuyer && cp.entityType === 'company' && !cp.inn?.trim())
    return { missing: 'buyerInn', entityName: entity.name }
  const dated = (of: string) => (contract?.contractDate ? ` ${of} ${formatDate(contract.contractDate, lang)}` : '')
  const basis = contract
    ? lang === 'ru'
      ? `Договор № ${contract.number}${dated('от')}`
      : `Contract No. ${contract.number}${dated('of')}`
    : null
  const lineName =
    lang === 'ru'
      ? `Оплата по счёту № ${rec.invoiceNumber}${contract ? ` (договор № ${contract.number})` : ''}`
      : `Payment of invoice ${rec.invoiceNumber}${contract ? ` (contract No. ${contract.number})` : ''}`
  const images = await readEntityImages(ports, rec.memberId, entity.inn)
  const model: InvoiceModel = {
    lang,
    number: rec.invoiceNumber,
    date: rec.invoiceDate,
    dueDate: rec.dueDate,
    supplier: {
      name: entity.name,
      inn: entity.inn,
      ...(entity.kpp ? { kpp: entity.kpp } : {}),
      ...(entity.address ? { address: entity.address } : {}),
      signer: entity.signer,
      signerTitle: entity.signerTitle,
      ...(entity.accountant ? { accountant: entity.accountant } : {}),
      bankDetails: { bank: b.bank, bic: b.bic, account: b.account, corrAccount: b.corrAccount },
    },
    buyer: { name: cp.name, ...(cp.inn ? { inn: cp.inn } : {}), ...(cp.kpp ? { kpp: cp.kpp } : {}) },
    basis,
    lines: [
      { name: lineName, quantity: 1, unit: lang === 'ru' ? 'усл.' : 'svc', price: rec.amount, amount: rec.amount },
    ],
    vatRate: entity.vatRate ?? 'none',
    images,
  }
  return { model, entityName: entity.name }
}

const QR_FIELDS: Record<string, RequisiteField> = {
  Name: 'name',
  PersonalAcc: 'account',
  BankName: 'bank',
  BIC: 'bic',
  CorrespAcc: 'corrAccount',
  PayeeINN: 'inn',
  KPP: 'kpp',
  Sum: 'sum',
  Purpose: 'number',
}

/** The invoice PDF of a receivable, its buyer's requisites read from the portal. */
export async function buildInvoiceDocument(
  ports: Pick<ReceivablesPorts, 'db' | 'settings'>,
  client: PortalClient,
  rec: Receivable,
  lang: 'ru' | 'en',
): Promise<InvoiceDocument> {
  if (!(await readLegalEntities(ports, rec.memberId)).length) return { state: 'no-entity' }
  const ledger = await counterpartiesRepository(ports.db).get(rec.memberId, rec.counterpartyId)
  const buyer = ledger ? await buyerRequisitesOf(client, ledger) : {}
  const built = await invoiceModelOf(ports, rec, lang, buyer)
  if (!built) return { state: 'no-entity' }
  const missing = (field: RequisiteField, detail?: string): InvoiceDocument => ({
    state: 'missing',
    field,
    message: missingRequisiteText(field, built.entityName, lang, detail),
  })
  if ('missing' in built) return missing(built.missing)
  let qrPayload: string
  try {
    qrPayload = invoiceQrPayload(built.model)
  } catch (e) {
    if (e instanceof PaymentQrError) return missing(QR_FIELDS[e.field] ?? 'name', e.message)
    throw e
  }
  const pdf = await renderInvoicePdf(built.model)
  const fileName = `invoice-${rec.invoiceNumber.replace(/[^A-Za-z0-9А-Яа-яЁё-]/g, '_')}.pdf`
  return { state: 'ready', model: built.model, pdf, fileName, qrPayload }
}
