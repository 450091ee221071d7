// Presentation helpers for documents (kopecks -> "1 234,56"; ISO date -> "16.06.2025").
import { formatAmount } from '../domain/money/index.ts'

/** An amount in a document: the domain's formatAmount with non-breaking group spaces, so a line never breaks
 *  inside a number (ru "1 234,56" with U+00A0, en "1,234.56"). */
export function formatKopecks(k: number, lang: 'ru' | 'en'): string {
  return formatAmount(k, lang).replaceAll(' ', '\u00a0')
}

export function formatDate(iso: string, lang: 'ru' | 'en'): string {
  const [y, m, d] = iso.slice(0, 10).split('-')
  return lang === 'ru' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`
}
