// The reconciliation act (акт сверки взаиморасчётов) of one counterparty over a period, as the
// creditor's books see it: invoices are debit (the counterparty owes more), payments are credit,
// a reversed payment is a negative credit (storno). The opening balance is everything dated before
// the period, the closing one the opening plus the turnover; positive = the counterparty owes us,
// negative = its advance. Pure: amounts in integer kopecks, dates YYYY-MM-DD (portal days).
import { DomainError } from '../domain-error.ts'
import { sumMoney } from '../money/index.ts'
import type { Kopecks } from '../money/index.ts'

export class ReconciliationError extends DomainError<'reconciliation.invalid-period'> {
  constructor(message: string) {
    super('ReconciliationError', 'reconciliation.invalid-period', message)
  }
}

export interface ActInvoice {
  date: string
  number: string
  amount: Kopecks
  contract: string | null
}

export interface ActPayment {
  date: string
  /** negative for a reversal */
  amount: Kopecks
  invoiceNumber: string
  /** the payment's own document (payment order number, comment), when known */
  document: string | null
  contract: string | null
}

export type ActRowKind = 'invoice' | 'payment' | 'reversal'

export interface ActRow {
  date: string
  kind: ActRowKind
  /** the invoice's number (for a payment: the invoice it paid) */
  invoiceNumber: string
  document: string | null
  contract: string | null
  debit: Kopecks
  credit: Kopecks
}

export interface ReconciliationAct {
  from: string
  to: string
  opening: Kopecks
  rows: ActRow[]
  debit: Kopecks
  credit: Kopecks
  closing: Kopecks
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

export function validatePeriod(from: string, to: string): void {
  for (const [name, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (typeof v !== 'string' || !ISO_DAY.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
      throw new ReconciliationError(`${name}: a date YYYY-MM-DD is required, got "${String(v)}"`)
    if (new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)
      throw new ReconciliationError(`${name}: no such day "${v}"`)
  }
  if (from > to) throw new ReconciliationError(`the period starts (${from}) after it ends (${to})`)
}

const KIND_ORDER: Record<ActRowKind, number> = { invoice: 0, payment: 1, reversal: 2 }

export function buildReconciliationAct(
  from: string,
  to: string,
  invoices: readonly ActInvoice[],
  payments: readonly ActPayment[],
): ReconciliationAct {
  validatePeriod(from, to)
  const before = (d: string) => d < from
  const inside = (d: string) => d >= from && d <= to
  const opening = sumMoney([
    ...invoices.filter((i) => before(i.date)).map((i) => i.amount),
    ...payments.filter((p) => before(p.date)).map((p) => -p.amount),
  ])
  const rows: ActRow[] = [
    ...invoices
      .filter((i) => inside(i.date))
      .map((i): ActRow => ({
        date: i.date,
        kind: 'invoice',
        invoiceNumber: i.number,
        document: null,
        contract: i.contract,
        debit: i.amount,
        credit: 0,
      })),
    ...payments
      .filter((p) => inside(p.date))
      .map((p): ActRow => ({
        date: p.date,
        kind: p.amount < 0 ? 'reversal' : 'payment',
        invoiceNumber: p.invoiceNumber,
        document: p.document,
        contract: p.contract,
        debit: 0,
        credit: p.amount,
      })),
  ]
  rows.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.invoiceNumber.localeCompare(b.invoiceNumber, 'ru'),
  )
  const debit = sumMoney(rows.map((r) => r.debit))
  const credit = sumMoney(rows.map((r) => r.credit))
  return { from, to, opening, rows, debit, credit, closing: sumMoney([opening, debit, -credit]) }
}
