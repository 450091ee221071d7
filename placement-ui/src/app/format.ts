// Display helpers: kopecks -> "1 234,56 ₽"; ISO day -> "16.06.2025"; strict money input.
import type { Lang } from './i18n.ts'

export function formatMoney(kopecks: number, lang: Lang, currency = 'RUB'): string {
  const abs = Math.abs(kopecks)
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u00a0' : ',')
  const cents = String(abs % 100).padStart(2, '0')
  const sign = kopecks < 0 ? '−' : ''
  const symbol = currency === 'RUB' ? '₽' : currency
  return lang === 'ru' ? `${sign}${units},${cents}\u00a0${symbol}` : `${sign}${symbol}\u00a0${units}.${cents}`
}

export function formatDay(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—'
  const [y, m, d] = iso.slice(0, 10).split('-')
  return lang === 'ru' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`
}

/** '2026-07' -> "07.2026" in Russian, "2026-07" in English (chart axes and report tables). */
export function formatMonth(ym: string | null | undefined, lang: Lang): string {
  if (!ym) return '—'
  const [y, m] = ym.slice(0, 7).split('-')
  return lang === 'ru' ? `${m}.${y}` : `${y}-${m}`
}

/** "1 234,56" or "1234.56" -> 123456 kopecks; null when it is not a positive amount with <= 2 decimals. */
export function parseMoneyInput(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '').replace(',', '.')
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(s)) return null
  const [u, c = ''] = s.split('.')
  const k = Number(u) * 100 + Number(c.padEnd(2, '0'))
  return k > 0 ? k : null
}

export function todayIso(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
