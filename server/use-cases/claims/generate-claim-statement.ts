// The statement of claim draft (DOCX) of a debt-recovery claim in "Court preparation": the claim's
// invoices from the ledger, art. 395 interest or the contractual penalty to the filing date (the
// claim letter's engine), the state duty on the claim value (Tax Code art. 333.21), our legal entity,
// the debtor's requisites from the portal and the claim letter that opened the pre-trial procedure.
// Missing requisites or no claim letter stop it with a message naming what is missing.
import { calculateStateDuty, type Court } from '../../domain/claims/state-duty.ts'
import { localDateOf } from '../../domain/calendar/index.ts'
import type { ClaimStatementModel } from '../../documents/claim-statement-model.ts'
import { renderClaimStatementDocx } from '../../documents/claim-statement-docx.ts'
import { creditorFor, readLegalEntities } from '../admin/legal-entities.ts'
import { claimsRepository } from '../../storage/repositories/claims.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { loadClaim } from './claim-case.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { portalKeyRates } from './penalty-settings.ts'
import { portalPenaltyDefaults } from '../admin/penalty-defaults.ts'
import { letterAccruals } from './claim-letter-accruals.ts'
import { loadClaimDebts } from './claim-debts.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { claimStatementAttachments, debtorRequisites } from './claim-statement-parts.ts'
import { documentNumber } from '../receivables/document-number.ts'
import { missingRequisite, type MissingRequisite } from '../receivables/document-requisites-i18n.ts'

export interface ClaimStatementOptions {
  /** the filing date; today when absent */
  filingDate?: string
  court?: Court
  /** the court's name as the header shows it */
  courtName?: string
}

export async function claimStatementModel(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  itemId: number,
  o: ClaimStatementOptions = {},
): Promise<ClaimStatementModel> {
  const { claim, facts, counterpartyName } = await loadClaim(ports, client, memberId, itemId)
  if (claim.kind !== 'recovery')
    throw new LedgerError('conflict', 'claim.not-recovery', 'A statement of claim is written for debt recovery')
  const { today, lang, calendar } = await portalDay(ports, memberId)
  const date = o.filingDate ?? today
  const letter = await claimsRepository(ports.db).latestLetter(memberId, claim.id)
  if (!letter)
    throw new LedgerError(
      'conflict',
      'claim.no-letter',
      'No claim letter was made for this case: the pre-trial procedure (APK art. 4 p. 5) comes first',
    )
  const letterDate = localDateOf(calendar.timezone, letter.generatedAt.getTime())
  const { rows, debts, contracts } = await loadClaimDebts(ports, memberId, itemId, { unpaidOnly: true, asOf: date })
  if (!rows.length)
    throw new LedgerError('conflict', 'claim.no-debt', 'The claim has no unpaid invoices: nothing to claim')
  const accruals = letterAccruals(
    debts,
    date,
    await portalKeyRates(ports, memberId),
    await portalPenaltyDefaults(ports, memberId),
    lang,
    ports.log,
  )
  const principal = rows.reduce((s, r) => s + r.remaining, 0)
  const claimValue = principal + accruals.interest + accruals.penalty
  const entity = creditorFor(
    await readLegalEntities(ports, memberId),
    rows.map((r) => r.legalEntity),
  )
  const missing = (field: MissingRequisite, who?: string) => missingRequisite('claim-statement', field, lang, who)
  if (!entity) throw missing('entity')
  const b = entity.bankDetails
  // the plaintiff's bank details are printed in the header (the court refunds the duty to them)
  for (const [value, field] of [
    [entity.inn, 'inn'],
    [entity.ogrn, 'ogrn'],
    [entity.address, 'address'],
    [b.bank, 'bank'],
    [b.bic, 'bic'],
    [b.account, 'account'],
  ] as const)
    if (!value?.trim()) throw missing(field, entity.name)
  const defendant = await debtorRequisites(client, facts.companyId, counterpartyName ?? rows[0]!.counterpartyName)
  if (!defendant.name) throw missing('counterpartyName')
  if (!defendant.inn) throw missing('counterpartyInn', defendant.name)
  const list = [...new Map([...contracts.values()].map((c) => [c.id, c])).values()]
    .sort((a, b) => (a.contractDate ?? '9999').localeCompare(b.contractDate ?? '9999'))
    .map((c) => ({ number: c.number, date: c.contractDate }))
  // letters made before numbers were stored (migration 140) had their number made of ids
  const letterNumber = letter.number ?? `П-${letterDate.slice(0, 4)}/${claim.id}-${letter.id}`
  const court = o.court ?? 'arbitration'
  // one statement of claim per case: regenerated (another filing date, a fixed requisite) it keeps its number
  const number = await documentNumber(ports.db, memberId, 'claim-statement', String(claim.id), entity.inn, date)
  return {
    lang,
    number,
    date,
    court:
      o.courtName?.trim() ||
      (lang === 'ru' ? 'Арбитражный суд ____________________' : 'The arbitration court ____________________'),
    plaintiff: {
      name: entity.name,
      inn: entity.inn,
      ...(entity.kpp ? { kpp: entity.kpp } : {}),
      ogrn: entity.ogrn,
      address: entity.address,
      bankDetails: {
        bank: entity.bankDetails.bank,
        bic: entity.bankDetails.bic,
        account: entity.bankDetails.account,
        ...(entity.bankDetails.corrAccount ? { corrAccount: entity.bankDetails.corrAccount } : {}),
      },
      signer: entity.signer,
      signerTitle: entity.signerTitle,
    },
    defendant,
    contracts: list,
    invoices: rows.map((r) => ({
      number: r.invoiceNumber,
      date: r.invoiceDate,
      dueDate: r.dueDate,
      amount: r.amount,
      paid: r.amount - r.remaining,
      remaining: r.remaining,
    })),
    claimLetter: {
      number: letterNumber,
      date: letterDate,
      sentOn: facts.claimSentOn,
      pretrialEndsOn: facts.pretrialEndsOn,
    },
    principal,
    interest: accruals.interest,
    penalty: accruals.penalty,
    accruals: accruals.tables,
    claimValue,
    duty: calculateStateDuty(claimValue, court),
    attachments: claimStatementAttachments(lang, list, letterNumber, letterDate, accruals),
  }
}

export async function generateClaimStatement(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  itemId: number,
  by: string,
  o: ClaimStatementOptions = {},
): Promise<{ docx: Buffer; fileName: string; model: ClaimStatementModel }> {
  const model = await claimStatementModel(ports, client, memberId, itemId, o)
  const docx = await renderClaimStatementDocx(model)
  await ports.audit.record({
    memberId,
    actor: by,
    source: 'claims',
    action: 'claim.statement-generated',
    entity: 'claim-item',
    entityId: String(itemId),
    details: { number: model.number, claimValue: model.claimValue, duty: model.duty.duty, date: model.date },
  })
  const safe = model.number.replace(/[^A-Za-z0-9А-Яа-яЁё-]/g, '_')
  return { docx, fileName: `statement-of-claim-${safe}-${model.date}.docx`, model }
}
