// Presentation helpers for documents (kopecks -> "1 234,56"; ISO date -> "16.06.2025").
export function formatKopecks(k: number, lang: 'ru' | 'en'): string {
  const sign = k < 0 ? '-' : ''
  const abs = Math.abs(k)
  const rub = Math.floor(abs / 100).toString()
  const kop = (abs % 100).toString().padStart(2, '0')
  const grouped = rub.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u00a0' : ',')
  return `${sign}${grouped}${lang === 'ru' ? ',' : '.'}${kop}`
}

export function formatDate(iso: string, lang: 'ru' | 'en'): string {
  const [y, m, d] = iso.slice(0, 10).split('-')
  return lang === 'ru' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`
}
