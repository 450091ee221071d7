// Human formatting of kopeck amounts. Pure string arithmetic on integers (no Intl, no floats), so
// the output is the same on every machine: ru "500 000,00 ₽", en "RUB 500,000.00".
import { assertKopecks } from './kopecks.ts'
import type { Kopecks } from './kopecks.ts'

export type MoneyLang = 'ru' | 'en'

const separators: Record<MoneyLang, { group: string; decimal: string }> = {
  ru: { group: ' ', decimal: ',' },
  en: { group: ',', decimal: '.' },
}

/** The number part only: ru "500 000,00", en "500,000.00". */
export function formatAmount(kopecks: Kopecks, lang: MoneyLang = 'ru'): string {
  const value = assertKopecks(kopecks, { allowNegative: true })
  const { group, decimal } = separators[lang]
  const abs = Math.abs(value)
  const rubles = String(Math.trunc(abs / 100))
  const cents = String(abs % 100).padStart(2, '0')
  const grouped = rubles.replace(/\B(?=(\d{3})+(?!\d))/g, group)
  return `${value < 0 ? '-' : ''}${grouped}${decimal}${cents}`
}

/** With the currency: ru "500 000,00 ₽", en "RUB 500,000.00". */
export function formatRubles(kopecks: Kopecks, lang: MoneyLang = 'ru'): string {
  const amount = formatAmount(kopecks, lang)
  return lang === 'ru' ? `${amount} ₽` : `RUB ${amount}`
}
