// Validation of what enters the ledger; each failure names its field and a stable code.
import type { LocalDate } from '../calendar/index.ts'
import { ReceivableError } from './receivable-error.ts'

/** Amounts are > 0 and < 10^13 kopecks (100 billion roubles). */
export const MAX_RECEIVABLE_KOPECKS = 10_000_000_000_000

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const CURRENCY = /^[A-Z]{3}$/

export function assertAmount(value: unknown, field = 'amount'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ReceivableError('receivable.invalid-amount', `${field} must be a whole number of kopecks`, field)
  }
  if (value <= 0) throw new ReceivableError('receivable.invalid-amount', `${field} must be greater than zero`, field)
  if (value >= MAX_RECEIVABLE_KOPECKS)
    throw new ReceivableError('receivable.invalid-amount', `${field} must be less than 10^13 kopecks`, field)
  return value
}

/** The one date rule of the ledger and the payments API: a real calendar day YYYY-MM-DD in 1990–2200. */
export function isLedgerDay(value: unknown): value is LocalDate {
  const m = typeof value === 'string' ? DAY.exec(value) : null
  if (!m) return false
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1990 || y > 2200) return false
  const d = new Date(Date.UTC(y, mo - 1, day))
  return d.getUTCFullYear() === y && d.getUTCMonth() === mo - 1 && d.getUTCDate() === day
}

export function assertDay(value: unknown, field: string): LocalDate {
  if (!isLedgerDay(value))
    throw new ReceivableError('receivable.invalid-date', `${field} must be a date YYYY-MM-DD`, field)
  return value
}

export function assertCurrency(value: unknown, field = 'currency'): string {
  if (typeof value !== 'string' || !CURRENCY.test(value)) {
    throw new ReceivableError(
      'receivable.invalid-currency',
      `${field} must be a three-letter ISO 4217 code such as RUB`,
      field,
    )
  }
  return value
}

export function assertText(value: unknown, field: string, max: number, required = true): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw new ReceivableError('receivable.invalid-text', `${field} is required`, field)
    return null
  }
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new ReceivableError('receivable.invalid-text', `${field} must be text of 1..${max} characters`, field, {
      rule: 'too-long',
      max,
    })
  }
  return value.trim()
}

export interface ReceivableTerms {
  invoiceNumber: string
  invoiceDate: LocalDate
  dueDate: LocalDate
  amount: number
  currency: string
}

/** Checks a receivable's terms together: every field, then the due date not before the invoice date. */
export function validateReceivableTerms(input: Record<string, unknown>): ReceivableTerms {
  const invoiceNumber = assertText(input.invoiceNumber, 'invoiceNumber', 100) as string
  const invoiceDate = assertDay(input.invoiceDate, 'invoiceDate')
  const dueDate = assertDay(input.dueDate, 'dueDate')
  const amount = assertAmount(input.amount)
  const currency = assertCurrency(input.currency ?? 'RUB')
  if (dueDate < invoiceDate) {
    throw new ReceivableError(
      'receivable.due-before-invoice',
      'the due date cannot be before the invoice date',
      'dueDate',
    )
  }
  return { invoiceNumber, invoiceDate, dueDate, amount, currency }
}
