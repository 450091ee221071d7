// Field values of bank files: amounts ("1234.56", "1234,5", "1234") to kopecks, dates
// (dd.mm.yyyy, or ISO) to YYYY-MM-DD, and the INN hidden in a free-text party name.

const AMOUNT = /^(\d{1,15})(?:[.,](\d{1,2}))?$/

/** Kopecks, or null when the text is not a non-negative amount with at most 2 decimals. */
export function parseBankAmount(text: string | undefined): number | null {
  const m = AMOUNT.exec((text ?? '').replace(/[\s\u00a0]/g, ''))
  if (!m) return null
  const k = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(k) ? k : null
}

/** YYYY-MM-DD from "dd.mm.yyyy" (or "yyyy-mm-dd"); null when empty or not a calendar date. */
export function parseBankDate(text: string | undefined): string | null {
  const s = (text ?? '').trim()
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(s)
  if (!m) return null
  const [y, mo, d] = s.includes('.') ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]]
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d))
  const iso = `${y}-${mo}-${d}`
  return new Date(t).toISOString().slice(0, 10) === iso ? iso : null
}

/** A 10- or 12-digit INN, or null ("0" and empty mean none in bank files). */
export function cleanInn(text: string | undefined): string | null {
  const s = (text ?? '').replace(/\D/g, '')
  return s.length === 10 || s.length === 12 ? s : null
}

export function cleanKpp(text: string | undefined): string | null {
  const s = (text ?? '').trim()
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(s) ? s : null
}

/** "ИНН 7701234567 ООО Ромашка" or "7701234567, ООО Ромашка" -> the INN and the bare name. */
export function splitPartyText(text: string): { inn: string | null; name: string } {
  const m = /^\s*(?:ИНН|INN)?\s*(\d{10}|\d{12})\s*[,;]?\s*(.*)$/i.exec(text)
  if (m) return { inn: m[1], name: m[2].trim() }
  return { inn: null, name: text.trim() }
}
