// The receivables register and the reports as tables for CSV / XLSX export, in the portal's language.
import { sql } from 'kysely'
import type { PortalClient } from '../bitrix24/client/portal-client.ts'
import type { ExportTable } from '../documents/table-export.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import { collectionReport } from './report-collection.ts'
import { approvalsReport, payoutsReport, promisesReport } from './report-work.ts'
import { claimsReport } from './report-claims.ts'

const L = (lang: 'ru' | 'en', ru: string, en: string) => (lang === 'ru' ? ru : en)

export async function receivablesRegister(ports: ReceivablesPorts, memberId: string, lang: 'ru' | 'en'): Promise<ExportTable> {
  const { today } = await portalDay(ports, memberId)
  const rows = await sql<{ id: number; name: string; inn: string | null; number: string; invoice_date: string; due: string; amount: string | number; paid: string | number; remaining: string | number; stage: string; currency: string; contract: string | null }>`
    SELECT r.id, c.name, c.inn, r.invoice_number AS number, r.invoice_date::text AS invoice_date, r.effective_due_date::text AS due, r.amount, r.paid, r.remaining, r.stage, r.currency, k.number AS contract
    FROM receivables r JOIN counterparties c ON c.id = r.counterparty_id LEFT JOIN contracts k ON k.id = r.contract_id
    WHERE r.member_id = ${memberId} ORDER BY c.name, r.invoice_date, r.id`.execute(ports.db)
  const overdueDays = (due: string, remaining: number) => (remaining > 0 && due < today ? Math.round((Date.parse(today) - Date.parse(due)) / 86_400_000) : 0)
  return {
    name: L(lang, 'Реестр дебиторки', 'Receivables register'),
    columns: [
      { key: 'counterparty', header: L(lang, 'Контрагент', 'Counterparty'), kind: 'text' }, { key: 'inn', header: L(lang, 'ИНН', 'INN') },
      { key: 'contract', header: L(lang, 'Договор', 'Contract') }, { key: 'number', header: L(lang, 'Счёт', 'Invoice') },
      { key: 'invoiceDate', header: L(lang, 'Дата счёта', 'Invoice date'), kind: 'day' }, { key: 'due', header: L(lang, 'Срок оплаты', 'Due'), kind: 'day' },
      { key: 'amount', header: L(lang, 'Сумма', 'Amount'), kind: 'money' }, { key: 'paid', header: L(lang, 'Оплачено', 'Paid'), kind: 'money' },
      { key: 'remaining', header: L(lang, 'Остаток', 'Remaining'), kind: 'money' }, { key: 'currency', header: L(lang, 'Валюта', 'Currency') },
      { key: 'daysOverdue', header: L(lang, 'Дней просрочки', 'Days overdue'), kind: 'number' }, { key: 'stage', header: L(lang, 'Стадия', 'Stage') },
    ],
    rows: rows.rows.map((r) => ({
      counterparty: r.name, inn: r.inn, contract: r.contract, number: r.number, invoiceDate: r.invoice_date, due: r.due, amount: Number(r.amount), paid: Number(r.paid),
      remaining: Number(r.remaining), currency: r.currency, daysOverdue: overdueDays(r.due, Number(r.remaining)), stage: r.stage,
    })),
  }
}

export async function reportTables(ports: ReceivablesPorts, client: PortalClient | null, memberId: string, lang: 'ru' | 'en'): Promise<ExportTable[]> {
  const [col, prom, pay, appr, claims] = await Promise.all([
    collectionReport(ports, memberId), promisesReport(ports, memberId), payoutsReport(ports, memberId), approvalsReport(ports, memberId),
    client ? claimsReport(ports, client, memberId, lang) : Promise.resolve({ stages: [], names: {} as Record<string, string> }),
  ])
  return [
    { name: L(lang, 'Просрочка по неделям', 'Overdue by week'), columns: [{ key: 'day', header: L(lang, 'Неделя до', 'Week to'), kind: 'day' }, { key: 'overdue', header: L(lang, 'Просрочено', 'Overdue'), kind: 'money' }, { key: 'invoices', header: L(lang, 'Счетов', 'Invoices'), kind: 'number' }], rows: col.trend },
    { name: 'DSO', columns: [{ key: 'month', header: L(lang, 'Месяц', 'Month') }, { key: 'outstanding', header: L(lang, 'Дебиторка на конец', 'Outstanding at end'), kind: 'money' }, { key: 'sales', header: L(lang, 'Выставлено', 'Invoiced'), kind: 'money' }, { key: 'dso', header: 'DSO', kind: 'number' }], rows: col.dso },
    { name: L(lang, 'Эффективность сбора', 'Collection effectiveness'), columns: [{ key: 'month', header: L(lang, 'Месяц', 'Month') }, { key: 'due', header: L(lang, 'К оплате', 'Due'), kind: 'money' }, { key: 'collected', header: L(lang, 'Собрано', 'Collected'), kind: 'money' }, { key: 'rate', header: '%', kind: 'number' }], rows: col.effectiveness },
    { name: L(lang, 'Обещания оплаты', 'Promises to pay'), columns: [{ key: 'month', header: L(lang, 'Месяц', 'Month') }, { key: 'kept', header: L(lang, 'Выполнено', 'Kept'), kind: 'number' }, { key: 'broken', header: L(lang, 'Нарушено', 'Broken'), kind: 'number' }, { key: 'pending', header: L(lang, 'Ожидается', 'Pending'), kind: 'number' }, { key: 'keptAmount', header: L(lang, 'Сумма выполненных', 'Kept amount'), kind: 'money' }, { key: 'brokenAmount', header: L(lang, 'Сумма нарушенных', 'Broken amount'), kind: 'money' }], rows: prom.months },
    { name: L(lang, 'Претензии по стадиям', 'Claims by stage'), columns: [{ key: 'stage', header: L(lang, 'Стадия', 'Stage'), kind: 'text' }, { key: 'count', header: L(lang, 'Дел', 'Cases'), kind: 'number' }, { key: 'amount', header: L(lang, 'Сумма', 'Amount'), kind: 'money' }], rows: claims.stages.map((s) => ({ stage: claims.names[`${s.pipeline}:${s.stage}`] ?? s.stage, count: s.count, amount: s.amount })) },
    { name: L(lang, 'Выплаты в этом месяце', 'Payouts this month'), columns: [{ key: 'deadline', header: L(lang, 'Срок', 'Deadline'), kind: 'day' }, { key: 'title', header: L(lang, 'Претензия', 'Claim'), kind: 'text' }, { key: 'counterpartyName', header: L(lang, 'Клиент', 'Customer'), kind: 'text' }, { key: 'amount', header: L(lang, 'Сумма', 'Amount'), kind: 'money' }], rows: pay.rows.map((r) => ({ ...r, overdue: r.overdue ? 1 : 0 })) },
    { name: L(lang, 'Согласующие', 'Approvers'), columns: [{ key: 'approverId', header: L(lang, 'Сотрудник (ID)', 'Approver (ID)'), kind: 'number' }, { key: 'approverName', header: L(lang, 'Сотрудник', 'Approver'), kind: 'text' }, { key: 'decided', header: L(lang, 'Решений', 'Decided'), kind: 'number' }, { key: 'avgHours', header: L(lang, 'Среднее время, ч', 'Average, h'), kind: 'number' }, { key: 'breaches', header: L(lang, 'Нарушений SLA', 'SLA breaches'), kind: 'number' }, { key: 'substituted', header: L(lang, 'Заменён', 'Substituted'), kind: 'number' }], rows: appr.approvers },
  ]
}
