// The reconciliation act of one counterparty (one contract or all) for a period: the ledger's
// invoices and payments, our legal entity from the settings (the one on the contracts, else the
// default), rendered to PDF and XLSX and stored under a number sequential per entity and year
// (document-number.ts): the same counterparty, contract and period regenerated keeps its number.
// Missing requisites (ours, or the counterparty's name and a company's INN, read from the portal when
// the ledger has none) stop it before anything is made or numbered, naming the missing field.
import { buildReconciliationAct, ReconciliationError } from '../../domain/reconciliation/reconciliation-act.ts'
import type { ReconciliationActModel } from '../../documents/reconciliation-act-model.ts'
import { renderReconciliationActPdf } from '../../documents/reconciliation-act-pdf.ts'
import { renderReconciliationActXlsx } from '../../documents/reconciliation-act-xlsx.ts'
import {
  counterpartiesRepository,
  type Counterparty,
  type CounterpartyType,
} from '../../storage/repositories/counterparties.ts'
import { contractsRepository } from '../../storage/repositories/contracts.ts'
import { reconciliationRepository } from '../../storage/repositories/reconciliation.ts'
import { reconciliationActsRepository } from '../../storage/repositories/reconciliation-acts.ts'
import { creditorFor, readLegalEntities } from '../admin/legal-entities.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import { LedgerError } from './ledger-error.ts'
import { documentNumber } from './document-number.ts'
import { missingRequisite, type MissingRequisite } from './document-requisites-i18n.ts'
import { buyerRequisitesOf, type BuyerRequisites } from './invoice-document.ts'

export interface ActRequest {
  type: CounterpartyType
  entityId: number
  contractId: number | null
  from: string
  /** the last day; today when absent */
  to?: string
}

export interface GeneratedAct {
  id: number
  number: string
  fileBase: string
  pdf: Buffer
  xlsx: Buffer
  model: ReconciliationActModel
}

export async function reconciliationActModel(
  ports: ReceivablesPorts,
  memberId: string,
  req: ActRequest,
  number: (q: { counterpartyId: number; entityInn: string; day: string }) => Promise<string>,
): Promise<{ model: ReconciliationActModel; counterpartyId: number; entityInn: string }> {
  const { today, lang } = await portalDay(ports, memberId)
  const to = req.to ?? today
  const cp = await counterpartiesRepository(ports.db).find(memberId, req.type, req.entityId)
  if (!cp) throw new LedgerError('not-found', 'counterparty.not-found', 'This counterparty has no receivables')
  let contract: ReconciliationActModel['contract'] = null
  if (req.contractId !== null) {
    const list = await contractsRepository(ports.db).listByCounterparty(memberId, cp.id)
    const c = list.find((x) => x.id === req.contractId)
    if (!c) throw new LedgerError('not-found', 'contract.not-found', 'No such contract of this counterparty')
    contract = { number: c.number, date: c.contractDate }
  }
  const ledger = reconciliationRepository(ports.db)
  const invoices = await ledger.invoices(memberId, cp.id, req.contractId, to)
  const payments = await ledger.payments(memberId, cp.id, req.contractId, to)
  let act
  try {
    act = buildReconciliationAct(
      req.from,
      to,
      invoices.map((i) => ({ date: i.date, number: i.number, amount: i.amount, contract: i.contract })),
      payments.map((p) => ({
        date: p.date,
        amount: p.amount,
        invoiceNumber: p.invoiceNumber,
        document: p.comment,
        contract: p.contract,
      })),
    )
  } catch (e) {
    if (e instanceof ReconciliationError) throw new LedgerError('invalid', e.code, e.message)
    throw e
  }
  const entity = creditorFor(
    await readLegalEntities(ports, memberId),
    invoices.map((i) => i.legalEntity),
  )
  const missing = (field: MissingRequisite, who?: string) => missingRequisite('reconciliation-act', field, lang, who)
  if (!entity) throw missing('entity')
  if (!entity.inn) throw missing('inn', entity.name)
  const them = await counterpartyRequisites(ports, memberId, cp)
  if (!them.name) throw missing('counterpartyName')
  // a company signs the act under its INN (as on the invoice); a person's act needs none
  if (cp.entityType === 'company' && !them.inn) throw missing('counterpartyInn', them.name)
  const model: ReconciliationActModel = {
    lang,
    number: await number({ counterpartyId: cp.id, entityInn: entity.inn, day: today }),
    date: today,
    us: {
      name: entity.name,
      inn: entity.inn,
      ...(entity.kpp ? { kpp: entity.kpp } : {}),
      signer: entity.signer,
      signerTitle: entity.signerTitle,
    },
    them,
    contract,
    act,
  }
  return { model, counterpartyId: cp.id, entityInn: entity.inn }
}

/** The counterparty's name, INN and KPP: the ledger's when it has the INN, else the portal's first requisite. */
async function counterpartyRequisites(
  ports: ReceivablesPorts,
  memberId: string,
  cp: Counterparty,
): Promise<ReconciliationActModel['them']> {
  let q: BuyerRequisites = {}
  if (!cp.inn?.trim() && ports.clients) q = await buyerRequisitesOf(await ports.clients.forPortal(memberId), cp)
  const name = (q.name || cp.name).trim()
  const inn = (cp.inn?.trim() ? cp.inn : q.inn)?.trim()
  const kpp = (cp.inn?.trim() ? cp.kpp : q.kpp)?.trim()
  return { name, ...(inn ? { inn } : {}), ...(kpp ? { kpp } : {}) }
}

export async function generateReconciliationAct(
  ports: ReceivablesPorts,
  memberId: string,
  req: ActRequest,
  by: string,
): Promise<GeneratedAct> {
  const repo = reconciliationActsRepository(ports.db)
  const id = await repo.reserveId()
  const { model, counterpartyId, entityInn } = await reconciliationActModel(ports, memberId, req, (q) =>
    documentNumber(
      ports.db,
      memberId,
      'reconciliation-act',
      `${q.counterpartyId}:${req.contractId ?? 'all'}:${req.from}:${req.to ?? q.day}`,
      q.entityInn,
      q.day,
    ),
  )
  const [pdf, xlsx] = [await renderReconciliationActPdf(model), await renderReconciliationActXlsx(model)]
  const fileBase = `reconciliation-act-${model.number.replace(/[^A-Za-z0-9А-Яа-я-]/g, '_')}`
  await repo.add(memberId, {
    id,
    counterpartyId,
    contractId: req.contractId,
    from: model.act.from,
    to: model.act.to,
    entityInn,
    year: Number(model.date.slice(0, 4)),
    number: model.number,
    opening: model.act.opening,
    closing: model.act.closing,
    fileBase,
    pdf,
    xlsx,
    by,
  })
  await ports.audit.record({
    memberId,
    actor: by,
    source: 'receivables',
    action: 'reconciliation-act.generated',
    entity: 'counterparty',
    entityId: `${req.type}:${req.entityId}`,
    details: { actId: id, number: model.number, from: model.act.from, to: model.act.to, closing: model.act.closing },
  })
  return { id, number: model.number, fileBase, pdf, xlsx, model }
}
