// The receivables register and the reports as tables for CSV / XLSX export, in the language asked for
// (the UI's; the portal's by default).
import { sql } from 'kysely'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { ExportTable } from '../../documents/table-export.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { collectionReport } from './report-collection.ts'
import { approvalsReport, payoutsReport, promisesReport } from './report-work.ts'
import { claimsReport } from './report-claims.ts'
import { ageingReport } from '../receivables/receivables-read.ts'
import type { ClaimsReportDto, ReportCsvName } from '../../../contracts/reports.ts'
import {
  ageingLegalEntitiesTable,
  ageingTable,
  approversTable,
  claimsTable,
  dsoTable,
  effectivenessTable,
  payoutsTable,
  promisesTable,
  trendTable,
} from './report-tables.ts'

const L = (lang: 'ru' | 'en', ru: string, en: string) => (lang === 'ru' ? ru : en)

export async function receivablesRegister(
  ports: ReceivablesPorts,
  memberId: string,
  lang: 'ru' | 'en',
): Promise<ExportTable> {
  const { today } = await portalDay(ports, memberId)
  const rows = await sql<{
    id: number
    name: string
    inn: string | null
    number: string
    invoice_date: string
    due: string
    amount: string | number
    paid: string | number
    remaining: string | number
    stage: string
    currency: string
    contract: string | null
  }>`
    SELECT r.id, c.name, c.inn, r.invoice_number AS number, r.invoice_date::text AS invoice_date, r.effective_due_date::text AS due, r.amount, r.paid, r.remaining, r.stage, r.currency, k.number AS contract
    FROM receivables r JOIN counterparties c ON c.id = r.counterparty_id LEFT JOIN contracts k ON k.id = r.contract_id
    WHERE r.member_id = ${memberId} ORDER BY c.name, r.invoice_date, r.id`.execute(ports.db)
  const overdueDays = (due: string, remaining: number) =>
    remaining > 0 && due < today ? Math.round((Date.parse(today) - Date.parse(due)) / 86_400_000) : 0
  return {
    name: L(lang, 'Реестр дебиторки', 'Receivables register'),
    columns: [
      { key: 'counterparty', header: L(lang, 'Контрагент', 'Counterparty'), kind: 'text' },
      { key: 'inn', header: L(lang, 'ИНН', 'INN') },
      { key: 'contract', header: L(lang, 'Договор', 'Contract') },
      { key: 'number', header: L(lang, 'Счёт', 'Invoice') },
      { key: 'invoiceDate', header: L(lang, 'Дата счёта', 'Invoice date'), kind: 'day' },
      { key: 'due', header: L(lang, 'Срок оплаты', 'Due'), kind: 'day' },
      { key: 'amount', header: L(lang, 'Сумма', 'Amount'), kind: 'money' },
      { key: 'paid', header: L(lang, 'Оплачено', 'Paid'), kind: 'money' },
      { key: 'remaining', header: L(lang, 'Остаток', 'Remaining'), kind: 'money' },
      { key: 'currency', header: L(lang, 'Валюта', 'Currency') },
      { key: 'daysOverdue', header: L(lang, 'Дней просрочки', 'Days overdue'), kind: 'number' },
      { key: 'stage', header: L(lang, 'Стадия', 'Stage') },
    ],
    rows: rows.rows.map((r) => ({
      counterparty: r.name,
      inn: r.inn,
      contract: r.contract,
      number: r.number,
      invoiceDate: r.invoice_date,
      due: r.due,
      amount: Number(r.amount),
      paid: Number(r.paid),
      remaining: Number(r.remaining),
      currency: r.currency,
      daysOverdue: overdueDays(r.due, Number(r.remaining)),
      stage: r.stage,
    })),
  }
}

export type ReportCsv = ReportCsvName
export const REPORT_CSV: readonly ReportCsv[] = [
  'ageing',
  'ageing-legal-entities',
  'trend',
  'dso',
  'effectiveness',
  'promises',
  'claims',
  'payouts',
  'approvals',
]

const noClaims = (): ClaimsReportDto => ({ stages: [], names: {} })

/** One report as a table (its CSV): ageing lists every counterparty, not the top 50 of the screen. The client is read for claims only. */
export async function reportTable(
  ports: ReceivablesPorts,
  client: PortalClient | null,
  memberId: string,
  lang: 'ru' | 'en',
  name: ReportCsv,
): Promise<ExportTable> {
  switch (name) {
    case 'ageing':
      return ageingTable(await ageingReport(ports, memberId, undefined, Number.POSITIVE_INFINITY), lang)
    case 'ageing-legal-entities':
      return ageingLegalEntitiesTable(await ageingReport(ports, memberId, undefined, 0), lang)
    case 'trend':
      return trendTable(await collectionReport(ports, memberId), lang)
    case 'dso':
      return dsoTable(await collectionReport(ports, memberId), lang)
    case 'effectiveness':
      return effectivenessTable(await collectionReport(ports, memberId), lang)
    case 'promises':
      return promisesTable(await promisesReport(ports, memberId), lang)
    case 'claims':
      return claimsTable(client ? await claimsReport(ports, client, memberId, lang) : noClaims(), lang)
    case 'payouts':
      return payoutsTable(await payoutsReport(ports, memberId), lang)
    case 'approvals':
      return approversTable(await approvalsReport(ports, memberId), lang)
  }
}

/** Every report as a sheet of reports.xlsx. */
export async function reportTables(
  ports: ReceivablesPorts,
  client: PortalClient | null,
  memberId: string,
  lang: 'ru' | 'en',
): Promise<ExportTable[]> {
  const [ageing, col, prom, pay, appr, claims] = await Promise.all([
    ageingReport(ports, memberId, undefined, Number.POSITIVE_INFINITY),
    collectionReport(ports, memberId),
    promisesReport(ports, memberId),
    payoutsReport(ports, memberId),
    approvalsReport(ports, memberId),
    client ? claimsReport(ports, client, memberId, lang) : Promise.resolve(noClaims()),
  ])
  return [
    ageingTable(ageing, lang),
    ageingLegalEntitiesTable(ageing, lang),
    trendTable(col, lang),
    dsoTable(col, lang),
    effectivenessTable(col, lang),
    promisesTable(prom, lang),
    claimsTable(claims, lang),
    payoutsTable(pay, lang),
    approversTable(appr, lang),
  ]
}
