// The text of the timeline totals comment (BB codes). It carries a marker so that a comment whose
// creation was interrupted can be found again instead of being created twice.
import { formatAmount, type MoneyLang } from '../money/index.ts'
import type { LocalDate } from '../calendar/index.ts'

export interface TotalsView {
  total: number
  paid: number
  remaining: number
  advance: number
  currency: string
  lastPayment: { amount: number; paidOn: LocalDate } | null
  /** Open invoices, for the counterparty comment. */
  openCount?: number
}

const words = {
  ru: { receivable: 'Итоги по счёту', counterparty: 'Итоги по контрагенту', total: 'Сумма', paid: 'Оплачено', remaining: 'Остаток', advance: 'Аванс', last: 'Последняя оплата', none: 'оплат нет', open: 'Открытых счетов' },
  en: { receivable: 'Invoice totals', counterparty: 'Counterparty totals', total: 'Total', paid: 'Paid', remaining: 'Remaining', advance: 'Advance', last: 'Last payment', none: 'no payments', open: 'Open invoices' },
}

export function totalsMarker(kind: 'receivable' | 'counterparty' | 'claim', id: number): string {
  return `#rc-totals-${kind}-${id}`
}

export function renderTotalsComment(kind: 'receivable' | 'counterparty', id: number, v: TotalsView, lang: MoneyLang = 'ru'): string {
  const w = words[lang]
  const money = (k: number) => `${formatAmount(k, lang)} ${v.currency}`
  const lines = [
    `[b]${w[kind]}[/b]`,
    `${w.total}: ${money(v.total)}`,
    `${w.paid}: ${money(v.paid)}`,
    `${w.remaining}: ${money(v.remaining)}`,
  ]
  if (v.advance > 0) lines.push(`${w.advance}: ${money(v.advance)}`)
  if (v.openCount !== undefined) lines.push(`${w.open}: ${v.openCount}`)
  lines.push(`${w.last}: ${v.lastPayment ? `${money(v.lastPayment.amount)}, ${v.lastPayment.paidOn}` : w.none}`)
  lines.push(`[i]${totalsMarker(kind, id)}[/i]`)
  return lines.join('\n')
}
