// The totals of an invoice: the sum of its lines and the VAT included in it, exact to the kopeck
// (VAT = total × rate / (100 + rate), rounded half up), and the purpose of payment for the QR code.
import { mulDivRound, sumMoney } from '../domain/money/index.ts'
import type { InvoiceModel } from './invoice-model.ts'
import { formatDate, formatKopecks } from './format.ts'

export interface InvoiceTotals {
  total: number
  /** The VAT included in the total; null when the supplier charges none. */
  vat: number | null
}

export function invoiceTotals(x: Pick<InvoiceModel, 'lines' | 'vatRate'>): InvoiceTotals {
  const total = sumMoney(x.lines.map((l) => l.amount))
  return { total, vat: x.vatRate === 'none' ? null : mulDivRound(total, x.vatRate, 100 + x.vatRate) }
}

/** "Оплата по счёту № 15 от 10.06.2025. В т.ч. НДС 20% 51 466,11" / "… НДС не облагается". */
export function invoicePurpose(x: InvoiceModel): string {
  const { vat } = invoiceTotals(x)
  const amount = (k: number) => formatKopecks(k, x.lang).replaceAll('\u00a0', ' ')
  if (x.lang === 'en')
    return `Payment of invoice ${x.number} of ${formatDate(x.date, 'en')}. ${
      vat === null ? 'VAT exempt' : `Incl. VAT ${x.vatRate}% ${amount(vat)}`
    }`
  return `Оплата по счёту № ${x.number} от ${formatDate(x.date, 'ru')}. ${
    vat === null ? 'НДС не облагается' : `В т.ч. НДС ${x.vatRate}% ${amount(vat)}`
  }`
}
