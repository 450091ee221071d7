// Field values of bank files: amounts ("1234.56", "1234,5", "1234", ISO 20022 up to 5 decimals) to
// kopecks, dates (dd.mm.yyyy, yymmdd, or any ISO 8601 date / date-time) to YYYY-MM-DD, INN fields
// checked by their control digits, and the INN hidden in a free-text party name.
import { findInnInText, isValidInn } from '../parties/inn.ts'

const AMOUNT = /^(\d{1,15})(?:[.,](\d{1,2}))?$/
const AMOUNT5 = /^(\d{1,18})(?:[.,](\d{0,5}))?$/

/** Kopecks, or null when the text is not a non-negative amount with at most 2 decimals. */
export function parseBankAmount(text: string | undefined): number | null {
  const m = AMOUNT.exec((text ?? '').replace(/[\s\u00a0]/g, ''))
  if (!m) return null
  const k = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(k) ? k : null
}

/**
 * An amount with up to 5 fraction digits (ISO 20022 ActiveOrHistoricCurrencyAndAmount, SWIFT "15d"
 * with a decimal comma) in kopecks: exact when the digits past the second are zeros, otherwise
 * rounded half-up (`rounded` true, the caller warns). Null when not a non-negative amount.
 */
export function parseAmount5(text: string | undefined): { kopecks: number; rounded: boolean } | null {
  const m = AMOUNT5.exec((text ?? '').replace(/[\s\u00a0]/g, ''))
  if (!m) return null
  const frac = (m[2] ?? '').padEnd(5, '0')
  const whole = Number(m[1]) * 100 + Number(frac.slice(0, 2))
  const rest = frac.slice(2)
  const up = rest >= '500' ? 1 : 0
  const k = whole + up
  if (!Number.isSafeInteger(k) || !Number.isSafeInteger(Number(m[1]) * 100)) return null
  return { kopecks: k, rounded: rest !== '000' }
}

const isoDay = (y: string, mo: string, d: string): string | null => {
  const iso = `${y}-${mo}-${d}`
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d))
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === iso ? iso : null
}

// ISO 8601 as XML Schema date / dateTime write it: the date, optionally a time with fractional
// seconds, optionally Z or an offset. The day is the one the bank wrote (its own time zone).
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

/** YYYY-MM-DD from "dd.mm.yyyy" or an ISO 8601 date / date-time; null when empty or not a calendar date. */
export function parseBankDate(text: string | undefined): string | null {
  const s = (text ?? '').trim()
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s)
  if (ru) return isoDay(ru[3], ru[2], ru[1])
  const iso = ISO.exec(s)
  return iso ? isoDay(iso[1], iso[2], iso[3]) : null
}

/** SWIFT YYMMDD (years 00-79 are 20xx, 80-99 are 19xx); null when not a calendar date. */
export function parseSwiftDate(yymmdd: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(yymmdd)
  if (!m) return null
  return isoDay(`${Number(m[1]) < 80 ? '20' : '19'}${m[1]}`, m[2], m[3])
}

/** The digits of an INN field, or null ("0" and empty mean none in bank files). The checksum is checked apart. */
export function cleanInn(text: string | undefined): string | null {
  const s = (text ?? '').replace(/[\s\u00a0-]/g, '')
  if (s === '' || /^0+$/.test(s)) return null
  return /^(\d{10}|\d{12})$/.test(s) ? s : null
}

export { isValidInn }

export function cleanKpp(text: string | undefined): string | null {
  const s = (text ?? '').trim()
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(s) ? s : null
}

/**
 * "ИНН 7701234567 ООО Ромашка" or "7701234567, ООО Ромашка" -> the INN and the bare name. The INN is
 * only a standalone 10- or 12-digit token with valid control digits, never a piece of an account
 * number or of a longer string.
 */
export function splitPartyText(text: string): { inn: string | null; name: string } {
  const lead = /^\s*(?:ИНН|INN)?\s*(\d{10}|\d{12})(?!\d)\s*[,;]?\s*(.*)$/i.exec(text)
  if (lead && isValidInn(lead[1])) return { inn: lead[1], name: lead[2].trim() }
  const inn = findInnInText(text)
  if (!inn) return { inn: null, name: text.trim() }
  const name = text
    .replace(new RegExp(`(?:ИНН|INN)?\\s*${inn}\\s*[,;]?`, 'i'), ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return { inn, name }
}
