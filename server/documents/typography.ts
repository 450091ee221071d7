// Russian typography of documents: «ёлочки» for quotes („лапки“ inside), a non-breaking space after
// "№" and before "г.", "руб." and "коп." so a number never parts from its sign or unit; dates in words
// ("10 июня 2025 г."). Names come from the portal as people typed them (ООО "Ромашка").
const MONTHS_RU = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
]
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const NBSP = '\u00a0'

/** Straight and English quotes to «ёлочки», nested ones to „лапки“. */
export function russianQuotes(text: string): string {
  let depth = 0
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c !== '"' && c !== '“' && c !== '”') {
      out += c
      continue
    }
    const prev = i === 0 ? ' ' : text[i - 1]
    const opens = c === '“' || (c === '"' && /[\s([{«„-]/.test(prev))
    if (opens) {
      out += depth === 0 ? '«' : '„'
      depth++
    } else {
      depth = Math.max(0, depth - 1)
      out += depth === 0 ? '»' : '“'
    }
  }
  return out
}

/** The Russian typography of a line of a document (quotes, non-breaking spaces). */
export function typographRu(text: string): string {
  return russianQuotes(text)
    .replace(/№\s*/g, `№${NBSP}`)
    .replace(/(\d)\s+(г\.|руб\.|коп\.|₽)/g, `$1${NBSP}$2`)
}

/** "10 июня 2025 г." / "10 June 2025" from YYYY-MM-DD. */
export function dateInWords(iso: string, lang: 'ru' | 'en'): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return lang === 'ru' ? `${d}${NBSP}${MONTHS_RU[m - 1]} ${y}${NBSP}г.` : `${d} ${MONTHS_EN[m - 1]} ${y}`
}
