// The text of the timeline totals comment (BB codes): words, "₽" and dd.mm.yyyy for a person, no
// technical marker. Our comment is found by its stored id; a comment whose creation was interrupted
// is recognised by its title line (one totals comment per card), older ones by their legacy marker.
import { formatAmount, formatRubles, type MoneyLang } from '../money/index.ts'
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
  ru: {
    receivable: 'Итоги по счёту',
    counterparty: 'Итоги по контрагенту',
    total: 'Сумма',
    paid: 'Оплачено',
    remaining: 'Остаток',
    advance: 'Аванс',
    last: 'Последняя оплата',
    none: 'оплат нет',
    open: 'Открытых счетов',
  },
  en: {
    receivable: 'Invoice totals',
    counterparty: 'Counterparty totals',
    total: 'Total',
    paid: 'Paid',
    remaining: 'Remaining',
    advance: 'Advance',
    last: 'Last payment',
    none: 'no payments',
    open: 'Open invoices',
  },
}

/** The marker older versions wrote into the comment (found once, then the text is rewritten without it). */
export function legacyTotalsMarker(kind: 'receivable' | 'counterparty' | 'claim', id: number): string {
  return `#rc-totals-${kind}-${id}`
}

/** The first line of a totals comment of this kind, in both languages. */
export function totalsTitles(kind: 'receivable' | 'counterparty'): string[] {
  return [`[b]${words.ru[kind]}[/b]`, `[b]${words.en[kind]}[/b]`]
}

/** Amount with the currency: "1 234,56 ₽" (ru) / "RUB 1,234.56" (en); other currencies by their code. */
export function totalsMoney(kopecks: number, currency: string, lang: MoneyLang): string {
  return currency === 'RUB' ? formatRubles(kopecks, lang) : `${formatAmount(kopecks, lang)} ${currency}`
}

/** 'YYYY-MM-DD' -> 'DD.MM.YYYY' in a Russian portal, the ISO date in an English one. */
export function totalsDay(date: string, lang: MoneyLang): string {
  if (lang === 'en') return date
  const [y, m, d] = date.split('-')
  return `${d}.${m}.${y}`
}

export function renderTotalsComment(
  kind: 'receivable' | 'counterparty',
  v: TotalsView,
  lang: MoneyLang = 'ru',
): string {
  const w = words[lang]
  const money = (k: number) => totalsMoney(k, v.currency, lang)
  const lines = [
    `[b]${w[kind]}[/b]`,
    `${w.total}: ${money(v.total)}`,
    `${w.paid}: ${money(v.paid)}`,
    `${w.remaining}: ${money(v.remaining)}`,
  ]
  if (v.advance > 0) lines.push(`${w.advance}: ${money(v.advance)}`)
  if (v.openCount !== undefined) lines.push(`${w.open}: ${v.openCount}`)
  lines.push(
    `${w.last}: ${v.lastPayment ? `${money(v.lastPayment.amount)}, ${totalsDay(v.lastPayment.paidOn, lang)}` : w.none}`,
  )
  return lines.join('\n')
}
