// Ledger <-> portal item field mapping through the install state (rest names, stage ids).
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import { isStageCode, type StageCode } from '../../domain/receivables/index.ts'

/** Kopecks as a portal money value "1234.50|RUB". */
export function moneyValue(kopecks: number, currency: string): string {
  const sign = kopecks < 0 ? '-' : ''
  const abs = Math.abs(kopecks)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}|${currency}`
}

/** A portal money value ("1234.5|RUB", "1234.50", 1234.5) as kopecks and currency; null when absent or malformed. */
export function parseMoneyValue(v: unknown): { kopecks: number; currency: string | null } | null {
  if (typeof v === 'number') v = String(v)
  if (typeof v !== 'string' || v.trim() === '') return null
  const m = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?(?:\|([A-Z]{3}))?$/.exec(v.trim())
  if (!m) return null
  const kopecks = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  return { kopecks: m[1] ? -kopecks : kopecks, currency: m[4] ?? null }
}

/** A date field value ("2025-03-01" or "2025-03-01T00:00:00+03:00") as YYYY-MM-DD; null when absent. */
export function parseDayValue(v: unknown): string | null {
  if (typeof v !== 'string') return null
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v)
  return m ? m[1] : null
}

export function fieldName(p: InstalledProcess, key: string): string | null {
  return p.fields[key]?.restName ?? null
}

export function stageIdOf(p: InstalledProcess, code: StageCode): string | null {
  return p.pipelines.main?.stages[code] ?? Object.values(p.pipelines)[0]?.stages[code] ?? null
}

export function stageCodeOf(p: InstalledProcess, stageId: unknown): StageCode | null {
  if (typeof stageId !== 'string') return null
  for (const pipeline of Object.values(p.pipelines)) {
    for (const [code, id] of Object.entries(pipeline.stages)) if (id === stageId && isStageCode(code)) return code
  }
  const tail = stageId.split(':').pop()
  return isStageCode(tail) ? tail : null
}

/** The fields of an item as the ledger reads them. */
export interface PortalReceivable {
  itemId: number
  invoiceNumber: string | null
  invoiceDate: string | null
  dueDate: string | null
  amount: number | null
  currency: string
  paid: number | null
  remaining: number | null
  stage: StageCode | null
  companyId: number
  contactId: number
  assignedById: number | null
  movedBy: number | null
  updatedTime: string | null
  invoiceFileUrl: string | null
}

const num = (v: unknown) => {
  const n = Number(v)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

export function readPortalItem(p: InstalledProcess, item: Record<string, unknown>): PortalReceivable {
  const f = (key: string) => {
    const n = fieldName(p, key)
    return n ? item[n] : undefined
  }
  // our type has no opportunity/currencyId/begindate (switched off by its settings, object-fields.md):
  // the amount, currency and invoice date are our own fields only
  const amount = parseMoneyValue(f('amount'))
  const currencyField = f('currency')
  const file = f('invoiceFile') as { urlMachine?: string; url?: string } | null | undefined
  const invoiceNumber = f('invoiceNumber')
  return {
    itemId: num(item.id),
    invoiceNumber: typeof invoiceNumber === 'string' && invoiceNumber.trim() ? invoiceNumber.trim() : null,
    invoiceDate: parseDayValue(f('invoiceDate')) ?? parseDayValue(item.createdTime),
    dueDate: parseDayValue(f('dueDate')),
    amount: amount?.kopecks ?? null,
    currency:
      (typeof currencyField === 'string' && /^[A-Z]{3}$/.test(currencyField) ? currencyField : null) ??
      amount?.currency ??
      'RUB',
    paid: parseMoneyValue(f('paid'))?.kopecks ?? null,
    remaining: parseMoneyValue(f('remaining'))?.kopecks ?? null,
    stage: stageCodeOf(p, item.stageId),
    companyId: num(item.companyId),
    contactId: num(item.contactId),
    assignedById: num(item.assignedById) || null,
    movedBy: num(item.movedBy) || null,
    updatedTime: typeof item.updatedTime === 'string' ? item.updatedTime : null,
    invoiceFileUrl: file && typeof file === 'object' ? (file.url ?? file.urlMachine ?? null) : null,
  }
}
