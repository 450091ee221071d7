// The INN (taxpayer number) of a Russian organisation (10 digits) or person / sole trader (12
// digits) and its control digits as the FNS computes them (order of the Ministry of Taxes of
// 03.03.2004 № БГ-3-09/178): each control digit is the weighted sum of the digits before it,
// modulo 11, modulo 10. Pure: no I/O.

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8]
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]

const control = (digits: number[], weights: number[]) => (weights.reduce((s, w, i) => s + w * digits[i], 0) % 11) % 10

/** True when the text is exactly a 10- or 12-digit INN whose control digits are right. */
export function isValidInn(text: string | null | undefined): boolean {
  if (typeof text !== 'string' || !/^(\d{10}|\d{12})$/.test(text)) return false
  const d = [...text].map(Number)
  if (d.every((x) => x === 0)) return false
  if (d.length === 10) return control(d, W10) === d[9]
  return control(d, W11) === d[10] && control(d, W12) === d[11]
}

export type InnCheck = { inn: string; valid: true } | { inn: string; valid: false } | null

/** The digits of an INN field (spaces and separators dropped): null when empty or "0" (banks write 0 for none). */
export function readInnField(text: string | null | undefined): InnCheck {
  const s = (text ?? '').replace(/[\s\u00a0-]/g, '')
  if (s === '' || /^0+$/.test(s)) return null
  return { inn: s, valid: isValidInn(s) } as InnCheck
}

/**
 * An INN in free text: a standalone 10- or 12-digit token (not part of a longer number such as an
 * account) whose control digits are right. The first such token, or null.
 */
export function findInnInText(text: string): string | null {
  for (const m of text.matchAll(/(?<![\d\p{L}])(\d{12}|\d{10})(?![\d\p{L}])/gu)) if (isValidInn(m[1])) return m[1]
  return null
}
