// Each report as an export table (the same columns in its CSV and in its reports.xlsx sheet), in the
// language asked for: ageing by counterparty (every one, not the top 50) and by our legal entity,
// overdue by week, DSO, collection effectiveness, promises, claims by stage, payouts, approvers.
import type { ExportColumn, ExportTable } from '../../documents/table-export.ts'
import type { AgeingDto, AgeingRowDto } from '../../../contracts/receivables.ts'
import type {
  ApprovalsReportDto,
  ClaimsReportDto,
  CollectionReportDto,
  PayoutsReportDto,
  PromisesReportDto,
} from '../../../contracts/reports.ts'
import { claimsProcess } from '../../../install/processes/claims.ts'

type Lang = 'ru' | 'en'
const L = (lang: Lang, ru: string, en: string) => (lang === 'ru' ? ru : en)
const BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus', 'total'] as const

const bucketColumns = (lang: Lang): ExportColumn[] =>
  BUCKETS.map((b) => ({
    key: b,
    kind: 'money',
    header:
      b === 'current'
        ? L(lang, 'Не просрочено', 'Current')
        : b === 'total'
          ? L(lang, 'Итого', 'Total')
          : b === 'd90_plus'
            ? '90+'
            : b.slice(1).replace('_', '–'),
  }))
const amounts = (row: AgeingRowDto) => Object.fromEntries(BUCKETS.map((b) => [b, row[b].amount]))

export function ageingTable(a: AgeingDto, lang: Lang): ExportTable {
  return {
    name: L(lang, 'Возраст задолженности', 'Receivables ageing'),
    columns: [
      { key: 'name', header: L(lang, 'Контрагент', 'Counterparty'), kind: 'text' },
      { key: 'inn', header: L(lang, 'ИНН', 'INN') },
      ...bucketColumns(lang),
    ],
    rows: [
      ...a.counterparties.map((c) => ({ name: c.counterparty.name, inn: c.counterparty.inn, ...amounts(c.ageing) })),
      { name: L(lang, 'Все контрагенты', 'All counterparties'), inn: null, ...amounts(a.portal) },
    ],
  }
}

export function ageingLegalEntitiesTable(a: AgeingDto, lang: Lang): ExportTable {
  return {
    name: L(lang, 'Возраст по юрлицам', 'Ageing by legal entity'),
    columns: [
      { key: 'name', header: L(lang, 'Наше юрлицо', 'Our legal entity'), kind: 'text' },
      { key: 'inn', header: L(lang, 'ИНН', 'INN') },
      ...bucketColumns(lang),
    ],
    rows: [
      ...a.legalEntities.map((e) => ({
        name: e.legalEntity ?? L(lang, 'Не указано в договоре', 'Not named on the contract'),
        inn: e.inn,
        ...amounts(e.ageing),
      })),
      { name: L(lang, 'Все юрлица', 'All legal entities'), inn: null, ...amounts(a.portal) },
    ],
  }
}

export const trendTable = (col: CollectionReportDto, lang: Lang): ExportTable => ({
  name: L(lang, 'Просрочка по неделям', 'Overdue by week'),
  columns: [
    { key: 'day', header: L(lang, 'Неделя до', 'Week to'), kind: 'day' },
    { key: 'overdue', header: L(lang, 'Просрочено', 'Overdue'), kind: 'money' },
    { key: 'invoices', header: L(lang, 'Счетов', 'Invoices'), kind: 'number' },
  ],
  rows: col.trend,
})

export const dsoTable = (col: CollectionReportDto, lang: Lang): ExportTable => ({
  name: 'DSO',
  columns: [
    { key: 'month', header: L(lang, 'Месяц', 'Month') },
    { key: 'outstanding', header: L(lang, 'Дебиторка на конец', 'Outstanding at end'), kind: 'money' },
    { key: 'sales', header: L(lang, 'Выставлено', 'Invoiced'), kind: 'money' },
    { key: 'dso', header: 'DSO', kind: 'number' },
  ],
  rows: col.dso,
})

export const effectivenessTable = (col: CollectionReportDto, lang: Lang): ExportTable => ({
  name: L(lang, 'Эффективность сбора', 'Collection effectiveness'),
  columns: [
    { key: 'month', header: L(lang, 'Месяц', 'Month') },
    { key: 'due', header: L(lang, 'К оплате', 'Due'), kind: 'money' },
    { key: 'collected', header: L(lang, 'Собрано', 'Collected'), kind: 'money' },
    { key: 'rate', header: '%', kind: 'number' },
  ],
  rows: col.effectiveness,
})

export const promisesTable = (prom: PromisesReportDto, lang: Lang): ExportTable => ({
  name: L(lang, 'Обещания оплаты', 'Promises to pay'),
  columns: [
    { key: 'month', header: L(lang, 'Месяц', 'Month') },
    { key: 'kept', header: L(lang, 'Выполнено', 'Kept'), kind: 'number' },
    { key: 'broken', header: L(lang, 'Нарушено', 'Broken'), kind: 'number' },
    { key: 'pending', header: L(lang, 'Ожидается', 'Pending'), kind: 'number' },
    { key: 'keptAmount', header: L(lang, 'Сумма выполненных', 'Kept amount'), kind: 'money' },
    { key: 'brokenAmount', header: L(lang, 'Сумма нарушенных', 'Broken amount'), kind: 'money' },
  ],
  rows: prom.months,
})

export function claimsTable(claims: ClaimsReportDto, lang: Lang): ExportTable {
  const pipeline = (key: string) => claimsProcess.pipelines.find((p) => p.key === key)?.name[lang] ?? key
  return {
    name: L(lang, 'Претензии по стадиям', 'Claims by stage'),
    columns: [
      { key: 'pipeline', header: L(lang, 'Направление', 'Pipeline'), kind: 'text' },
      { key: 'stage', header: L(lang, 'Стадия', 'Stage'), kind: 'text' },
      { key: 'count', header: L(lang, 'Дел', 'Cases'), kind: 'number' },
      { key: 'amount', header: L(lang, 'Сумма', 'Amount'), kind: 'money' },
    ],
    rows: claims.stages.map((s) => ({
      pipeline: pipeline(s.pipeline),
      stage: claims.names[`${s.pipeline}:${s.stage}`] ?? s.stage,
      count: s.count,
      amount: s.amount,
    })),
  }
}

export const payoutsTable = (pay: PayoutsReportDto, lang: Lang): ExportTable => ({
  name: L(lang, 'Выплаты в этом месяце', 'Payouts this month'),
  columns: [
    { key: 'deadline', header: L(lang, 'Срок', 'Deadline'), kind: 'day' },
    { key: 'title', header: L(lang, 'Претензия', 'Claim'), kind: 'text' },
    { key: 'counterpartyName', header: L(lang, 'Клиент', 'Customer'), kind: 'text' },
    { key: 'amount', header: L(lang, 'Сумма', 'Amount'), kind: 'money' },
    { key: 'overdue', header: L(lang, 'Просрочено', 'Overdue') },
  ],
  rows: pay.rows.map((r) => ({ ...r, overdue: r.overdue ? L(lang, 'да', 'yes') : '' })),
})

export const approversTable = (appr: ApprovalsReportDto, lang: Lang): ExportTable => ({
  name: L(lang, 'Согласующие', 'Approvers'),
  columns: [
    { key: 'approverId', header: L(lang, 'Сотрудник (ID)', 'Approver (ID)'), kind: 'number' },
    { key: 'approverName', header: L(lang, 'Сотрудник', 'Approver'), kind: 'text' },
    { key: 'decided', header: L(lang, 'Решений', 'Decided'), kind: 'number' },
    { key: 'avgHours', header: L(lang, 'Среднее время, ч', 'Average, h'), kind: 'number' },
    { key: 'breaches', header: L(lang, 'Нарушений SLA', 'SLA breaches'), kind: 'number' },
    { key: 'substituted', header: L(lang, 'Заменён', 'Substituted'), kind: 'number' },
  ],
  rows: appr.approvers,
})
