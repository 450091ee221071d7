// The payouts report of a period as tables (CSV / XLSX): the tranches, by day, by case. Sheet names
// fit Excel's 31 characters; dates in the period name follow the language (dd.mm.yyyy in Russian).
import type { PayoutsReportDto } from '../../../contracts/reports.ts'
import type { ExportTable } from '../../documents/table-export.ts'
import { formatDate } from '../../documents/format.ts'
import { payoutsTable } from './report-tables.ts'

type Lang = 'ru' | 'en'
const L = (lang: Lang, ru: string, en: string) => (lang === 'ru' ? ru : en)
export const PAYOUT_GROUPS = ['rows', 'day', 'case'] as const
export type PayoutGroup = (typeof PAYOUT_GROUPS)[number]

const period = (p: PayoutsReportDto, lang: Lang) => `${formatDate(p.from, lang)}–${formatDate(p.to, lang)}`

export function payoutsByDayTable(p: PayoutsReportDto, lang: Lang): ExportTable {
  return {
    name: `${L(lang, 'По дням', 'By day')} ${period(p, lang)}`,
    columns: [
      { key: 'day', header: L(lang, 'Дата', 'Day'), kind: 'day' },
      { key: 'count', header: L(lang, 'Выплат', 'Payouts'), kind: 'number' },
      { key: 'amount', header: L(lang, 'Сумма', 'Amount'), kind: 'money' },
    ],
    rows: p.byDay,
  }
}

export function payoutsByCaseTable(p: PayoutsReportDto, lang: Lang): ExportTable {
  return {
    name: `${L(lang, 'По делам', 'By case')} ${period(p, lang)}`,
    columns: [
      { key: 'title', header: L(lang, 'Претензия', 'Claim'), kind: 'text' },
      { key: 'counterpartyName', header: L(lang, 'Клиент', 'Customer'), kind: 'text' },
      { key: 'firstDeadline', header: L(lang, 'Ближайший срок', 'First deadline'), kind: 'day' },
      { key: 'count', header: L(lang, 'Выплат', 'Payouts'), kind: 'number' },
      { key: 'amount', header: L(lang, 'Сумма', 'Amount'), kind: 'money' },
    ],
    rows: p.byCase,
  }
}

/** One table of the period (CSV), or all three (XLSX). */
export function payoutPeriodTables(p: PayoutsReportDto, lang: Lang, group?: PayoutGroup): ExportTable[] {
  const rows = { ...payoutsTable(p, lang), name: `${L(lang, 'Выплаты', 'Payouts')} ${period(p, lang)}` }
  if (group === 'rows') return [rows]
  if (group === 'day') return [payoutsByDayTable(p, lang)]
  if (group === 'case') return [payoutsByCaseTable(p, lang)]
  return [rows, payoutsByDayTable(p, lang), payoutsByCaseTable(p, lang)]
}
