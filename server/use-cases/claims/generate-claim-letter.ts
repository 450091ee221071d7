// The claim letter (претензия) of a debt-recovery claim: the invoices linked to the claim from the
// ledger, art. 395 interest or the contractual penalty on each (claim-letter-accruals.ts), our legal entity from the settings,
// the debtor's requisites from the portal; rendered to PDF, stored, attached to the item's file
// field and announced in its timeline. Its number runs per our legal entity and year
// (document-number.ts); regenerated the same day it keeps it, on another day it is a new dated letter.
import { letterPayBy } from '../../domain/claims/recovery-clock.ts'
import { formatDate } from '../../documents/format.ts'
import { renderClaimLetterPdf } from '../../documents/claim-letter-pdf.ts'
import type { ClaimLetterModel, Party, BankDetails } from '../../documents/claim-letter-model.ts'
import { letterTemplateFor } from '../admin/claim-letter-template-settings.ts'
import { creditorFor, readLegalEntities } from '../admin/legal-entities.ts'
import { claimsRepository, type ClaimLetterMeta } from '../../storage/repositories/claims.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { timelineTarget } from '../../bitrix24/rest/index.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { loadClaim } from './claim-case.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import type { LetterAccruals } from './claim-letter-accruals.ts'
import { accrualsOn, loadClaimDebts } from './claim-debts.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { documentNumber } from '../receivables/document-number.ts'
import { missingRequisite } from '../receivables/document-requisites-i18n.ts'

export interface Creditor extends Party {
  bankDetails: BankDetails
  signer: string
  signerTitle: string
}

export interface GeneratedLetter {
  letter: ClaimLetterMeta
  total: number
  pdf: Buffer
}

export async function generateClaimLetter(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  itemId: number,
  by: string,
): Promise<GeneratedLetter> {
  const { process, claim, facts, counterpartyName } = await loadClaim(ports, client, memberId, itemId)
  if (claim.kind !== 'recovery')
    throw new LedgerError(
      'conflict',
      'claim.not-recovery',
      'A claim letter is written for debt recovery, not for a compensation payout',
    )
  const { today, lang, calendar } = await portalDay(ports, memberId)
  const { rows, debts, contracts } = await loadClaimDebts(ports, memberId, itemId)
  if (!rows.length && facts.principal <= 0)
    throw new LedgerError(
      'conflict',
      'claim.no-debt',
      'The claim has no linked invoices and no principal: nothing to claim',
    )
  const invoices: ClaimLetterModel['invoices'] = rows.map((r) => ({
    number: r.invoiceNumber,
    date: r.invoiceDate,
    dueDate: r.dueDate,
    amount: r.amount,
    paid: r.amount - r.remaining,
  }))
  const principal = rows.length ? rows.reduce((s, r) => s + r.remaining, 0) : facts.principal
  const accruals = await accrualsOn(ports, memberId, debts, today, lang)
  const accrualTotal = accruals.interest + accruals.penalty
  // the entity of ours named on the invoices' contracts writes the letter; else the default one
  const entity = creditorFor(
    await readLegalEntities(ports, memberId),
    rows.map((r) => r.legalEntity),
  )
  // no placeholder letter: without our requisites there is nobody to write it
  if (!entity)
    throw new LedgerError(
      'conflict',
      'claim.no-requisites',
      'Fill in the requisites of our legal entity in the app settings (Company → Our legal entities) first',
    )
  // the letter's number runs per our entity's INN, and the letter names us by it
  if (!entity.inn?.trim()) throw missingRequisite('claim-letter', 'inn', lang, entity.name)
  const creditor: Creditor = entity
  const debtor = await debtorOf(client, facts.companyId, counterpartyName ?? rows[0]?.counterpartyName ?? facts.title)
  const repo = claimsRepository(ports.db)
  // the claim's letter of the day: made again that day (a retry, a second click) it keeps its number
  const number = await documentNumber(ports.db, memberId, 'claim-letter', `${claim.id}:${today}`, entity.inn, today)
  const payWithinDays = 30
  const template = await letterTemplateFor(ports, memberId, lang, entity?.inn ?? null)
  const model: ClaimLetterModel = {
    ...(template ? { template } : {}),
    lang,
    number,
    date: today,
    creditor,
    debtor,
    contracts: letterContracts([...contracts.values()]),
    invoices,
    principal,
    accruals: accruals.tables,
    total: principal + accrualTotal,
    payWithinDays,
    payBy: letterPayBy(calendar, today, payWithinDays),
    attachments: [
      ...contractCopies(letterContracts([...contracts.values()]), lang),
      ...(lang === 'ru'
        ? ['Копии счетов', calculationName(accruals, lang), 'Документы, подтверждающие полномочия подписанта']
        : ['Copies of the invoices', calculationName(accruals, lang), "Signatory's authority"]),
    ],
  }
  const pdf = await renderClaimLetterPdf(model)
  const fileName = `claim-${number.replace(/[^A-Za-z0-9А-Яа-я-]/g, '_')}.pdf`
  const letter = await repo.addLetter(memberId, claim.id, {
    number,
    fileName,
    pdf,
    total: model.total,
    by,
    // the app's clock: the statement of claim dates the letter by it, as the letter itself is dated
    at: ports.now(),
  })
  const fileField = process.fields.claimLetterFile
  const fields: Record<string, unknown> = {
    // api-reference/files/how-to-upload-files.md: a file field of crm.item.* takes [name, base64]
    ...(fileField ? { [fileField.restName]: [fileName, pdf.toString('base64')] } : {}),
  }
  const set = (key: string, v: unknown) => {
    const f = process.fields[key]
    if (f) fields[f.restName] = v
  }
  set('interest', `${(accruals.interest / 100).toFixed(2)}|RUB`)
  set('penalty', `${(accruals.penalty / 100).toFixed(2)}|RUB`)
  set('debtPrincipal', `${(principal / 100).toFixed(2)}|RUB`)
  const money = (k: number) => (k / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2 })
  await client.batch(
    {
      item: { method: 'crm.item.update', params: { entityTypeId: process.entityTypeId, id: itemId, fields } },
      note: {
        method: 'crm.timeline.comment.add',
        params: {
          fields: {
            ...timelineTarget(process.entityTypeId, itemId),
            COMMENT:
              lang === 'ru'
                ? `Сформирована претензия № ${number} от ${formatDate(today, 'ru')}: долг ${money(principal)} ₽, проценты ${money(accruals.interest)} ₽${accruals.penalty ? `, неустойка ${money(accruals.penalty)} ₽` : ''}, всего ${money(model.total)} ₽. Файл — в поле «Претензия (PDF)».`
                : `Claim letter ${number} of ${today}: debt ${money(principal)} RUB, interest ${money(accruals.interest)} RUB${accruals.penalty ? `, penalty ${money(accruals.penalty)} RUB` : ''}, total ${money(model.total)} RUB. The file is in the "Claim letter (PDF)" field.`,
          },
        },
      },
    },
    { halt: false, idempotent: false },
  )
  await ports.audit.record({
    memberId,
    actor: by,
    source: 'claims',
    action: 'claim.letter-generated',
    entity: 'claim',
    entityId: String(claim.id),
    details: {
      letterId: letter.id,
      number,
      total: model.total,
      interest: accruals.interest,
      penalty: accruals.penalty,
    },
  })
  return { letter, total: model.total, pdf }
}

/** Each contract once, the oldest first (undated ones after the dated, then by number). */
function letterContracts(
  list: { id: number; number: string; contractDate: string | null }[],
): ClaimLetterModel['contracts'] {
  const unique = [...new Map(list.map((c) => [c.id, c])).values()]
  unique.sort(
    (a, b) => (a.contractDate ?? '9999').localeCompare(b.contractDate ?? '9999') || a.number.localeCompare(b.number),
  )
  return unique.map((c) => ({ number: c.number, date: c.contractDate }))
}

function contractCopies(list: ClaimLetterModel['contracts'], lang: 'ru' | 'en'): string[] {
  if (!list.length) return []
  const nums = list.map((c) => (lang === 'ru' ? `№ ${c.number}` : `No. ${c.number}`)).join(', ')
  return [
    lang === 'ru'
      ? `${list.length === 1 ? 'Копия договора' : 'Копии договоров'} ${nums}`
      : `${list.length === 1 ? 'Copy of contract' : 'Copies of contracts'} ${nums}`,
  ]
}

function calculationName(a: LetterAccruals, lang: 'ru' | 'en'): string {
  if (a.penalty && a.interest)
    return lang === 'ru' ? 'Расчёт процентов и неустойки' : 'Interest and penalty calculation'
  if (a.penalty) return lang === 'ru' ? 'Расчёт неустойки' : 'Penalty calculation'
  return lang === 'ru' ? 'Расчёт процентов' : 'Interest calculation'
}

async function debtorOf(client: PortalClient, companyId: number | null, name: string): Promise<Party> {
  if (!companyId) return { name }
  const req = await client
    .call<Record<string, string>[]>('crm.requisite.list', {
      filter: { ENTITY_TYPE_ID: 4, ENTITY_ID: companyId },
      select: ['RQ_INN', 'RQ_KPP', 'RQ_OGRN', 'RQ_COMPANY_NAME'],
    })
    .catch(() => [])
  const r = req?.[0]
  return {
    name: r?.RQ_COMPANY_NAME || name,
    ...(r?.RQ_INN ? { inn: r.RQ_INN } : {}),
    ...(r?.RQ_KPP ? { kpp: r.RQ_KPP } : {}),
    ...(r?.RQ_OGRN ? { ogrn: r.RQ_OGRN } : {}),
  }
}
