// The print form of a recovery stage for one case: the stage's template (admin page) filled with
// the case's values (parties, contracts, invoices, the debt, the settlement schedule); a PDF
// template is given as it is. Made on request, nothing stored.
import { fillDocxTemplate, templateVariables, type StageFormValues } from '../../documents/stage-template-fill.ts'
import { formatDate, formatKopecks } from '../../documents/format.ts'
import { stageTemplatesRepository } from '../../storage/repositories/stage-templates.ts'
import { contractsRepository } from '../../storage/repositories/contracts.ts'
import { day } from '../../storage/repositories/ledger-sql.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { creditorFor, readLegalEntities } from '../admin/legal-entities.ts'
import { assertFormStage } from '../admin/stage-templates-admin.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { loadClaim } from './claim-case.ts'
import { debtorRequisites } from './claim-statement-parts.ts'
import { missingRequisite, type MissingRequisite } from '../receivables/document-requisites-i18n.ts'

export async function stageForm(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  itemId: number,
  stage: string,
): Promise<{ fileName: string; kind: 'docx' | 'pdf'; data: Buffer }> {
  assertFormStage(stage)
  const t = await stageTemplatesRepository(ports.db).get(memberId, stage)
  if (!t) throw new LedgerError('not-found', 'stage-template.none', `No print form for the stage ${stage}`)
  if (t.kind === 'pdf') return t
  const { claim, facts, counterpartyName } = await loadClaim(ports, client, memberId, itemId)
  const { today, lang } = await portalDay(ports, memberId)
  const m = (k: number) => formatKopecks(k, lang)
  const d = (iso: string) => formatDate(iso, lang)
  const ids = await ports.db
    .selectFrom('dunning_receivables')
    .select('receivable_id')
    .where('member_id', '=', memberId)
    .where('claim_item_id', '=', itemId)
    .execute()
  const rows = (await Promise.all(ids.map((r) => ports.repo.one(memberId, Number(r.receivable_id))))).filter(
    (r): r is NonNullable<typeof r> => r !== null,
  )
  const contracts = [
    ...new Map(
      [
        ...(
          await contractsRepository(ports.db).ofReceivables(
            memberId,
            rows.map((r) => r.receivableId),
          )
        ).values(),
      ].map((c) => [c.id, c]),
    ).values(),
  ]
  const tranches = await ports.db
    .selectFrom('claim_tranches')
    .select(['amount', day('deadline').as('deadline')])
    .where('member_id', '=', memberId)
    .where('case_id', '=', claim.id)
    .orderBy('deadline')
    .execute()
  const entity = creditorFor(
    await readLegalEntities(ports, memberId),
    rows.map((r) => r.legalEntity),
  )
  const debtor = await debtorRequisites(client, facts.companyId, counterpartyName ?? facts.title)
  const principal = rows.length ? rows.reduce((s, r) => s + r.remaining, 0) : facts.principal
  const rub = lang === 'ru' ? 'руб.' : 'RUB'
  const values: StageFormValues = {
    date: d(today),
    caseTitle: facts.title,
    creditor: entity?.name ?? '',
    creditorInn: entity?.inn ?? '',
    debtor: debtor.name,
    debtorInn: debtor.inn ?? '',
    contracts: contracts
      .map(
        (c) =>
          (lang === 'ru' ? `договор № ${c.number}` : `contract ${c.number}`) +
          (c.contractDate ? ` ${lang === 'ru' ? 'от' : 'of'} ${d(c.contractDate)}` : ''),
      )
      .join('; '),
    invoices: rows
      .map(
        (r) =>
          `${lang === 'ru' ? 'счёт №' : 'invoice'} ${r.invoiceNumber} ${lang === 'ru' ? 'от' : 'of'} ${d(r.invoiceDate)}: ${m(r.amount)} ${rub}`,
      )
      .join('; '),
    principal: m(principal),
    interest: m(facts.interest),
    penalty: m(facts.penalty),
    total: m(principal + facts.interest + facts.penalty),
    tranches: tranches.map((x) => `${d(x.deadline)} — ${m(Number(x.amount))} ${rub}`).join('; '),
  }
  // a requisite the template prints must be there: a clear message naming it, and no form
  const used = new Set(await templateVariables(t.data))
  const missing: [boolean, MissingRequisite, string][] = [
    [(used.has('creditor') || used.has('creditorInn')) && !entity, 'entity', ''],
    [used.has('creditorInn') && !!entity && !entity.inn, 'inn', entity?.name ?? ''],
    [used.has('debtor') && !debtor.name, 'counterpartyName', ''],
    [used.has('debtorInn') && !debtor.inn, 'counterpartyInn', debtor.name],
  ]
  const gap = missing.find(([is]) => is)
  if (gap) throw missingRequisite('stage-form', gap[1], lang, gap[2])
  return { fileName: t.fileName, kind: 'docx', data: await fillDocxTemplate(t.data, values) }
}
