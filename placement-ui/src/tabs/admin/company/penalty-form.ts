// The penalty defaults as the form edits them (texts in the page's language) and back to what the
// API takes (kopecks, dots). The server validates everything again; here only what a person types.
import type { PenaltyT } from './penalty-i18n.ts'

export type Method = '395' | 'per-day' | 'key-rate-fraction' | 'fine'
export type RateMode = 'periodised' | 'payment-date' | 'calculation-date' | 'fixed'
export type Terms = {
  method: Method
  percentPerDay?: string
  fraction?: number
  rateMode?: RateMode
  fixedRateBp?: number
  amount?: number
  percent?: string
  cap?: { kind: 'percent'; percent: string } | { kind: 'fixed'; amount: number }
}
export interface Window {
  id: string
  label: string
  from: string
  to: string
  appliesToObligationsBefore?: string
}
export interface OptOut {
  entityType: 'company' | 'contact'
  entityId: number
  windowIds: string[]
  name?: string | null
}
export interface Defaults {
  terms: Terms
  windows: Window[]
  optOuts: OptOut[]
}
export interface View extends Defaults {
  defaults: Defaults
}

export interface TermsForm {
  method: Method
  percentPerDay: string
  fraction: string
  rateMode: RateMode
  fixedRate: string
  capKind: 'none' | 'percent' | 'fixed'
  capValue: string
  fineKind: 'amount' | 'percent'
  fineValue: string
}

const rub = (k: number, lang: 'ru' | 'en') =>
  (k / 100).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const dec = (s: string | undefined, lang: 'ru' | 'en') => (s && lang === 'ru' ? s.replace('.', ',') : (s ?? ''))

export function formOf(t: Terms, lang: 'ru' | 'en'): TermsForm {
  const cap = t.cap
  return {
    method: t.method,
    percentPerDay: dec(t.percentPerDay, lang),
    fraction: String(t.fraction ?? 300),
    rateMode: t.rateMode ?? 'payment-date',
    fixedRate: t.fixedRateBp ? dec((t.fixedRateBp / 100).toFixed(2), lang) : '',
    capKind: cap ? cap.kind : 'none',
    capValue: cap ? (cap.kind === 'percent' ? dec(cap.percent, lang) : rub(cap.amount, lang)) : '',
    fineKind: t.percent !== undefined ? 'percent' : 'amount',
    fineValue: t.percent !== undefined ? dec(t.percent, lang) : t.amount ? rub(t.amount, lang) : '',
  }
}

/** "50 000,00" / "50,000.00" -> kopecks; null when it is not an amount. */
export function kopecksOf(text: string, lang: 'ru' | 'en'): number | null {
  const s = lang === 'ru' ? text.replace(/[\s\u00a0]/g, '').replace(',', '.') : text.replace(/[\s,]/g, '')
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s)
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null
}

const percentOf = (text: string) => {
  const s = text.trim().replace(',', '.')
  return /^\d{1,3}(\.\d{1,4})?$/.test(s) ? s : null
}

/** The terms for the API, or the first problem in the page's language. */
export function termsOf(f: TermsForm, lang: 'ru' | 'en', t: PenaltyT): { terms: Terms } | { problem: string } {
  const bad = (key: 'badPercent' | 'badMoney', field: Parameters<PenaltyT>[0]) => ({ problem: t(key, { f: t(field) }) })
  let cap: Terms['cap']
  if ((f.method === 'per-day' || f.method === 'key-rate-fraction') && f.capKind !== 'none') {
    if (f.capKind === 'percent') {
      const p = percentOf(f.capValue)
      if (!p) return bad('badPercent', 'capValue')
      cap = { kind: 'percent', percent: p }
    } else {
      const k = kopecksOf(f.capValue, lang)
      if (k === null) return bad('badMoney', 'capValue')
      cap = { kind: 'fixed', amount: k }
    }
  }
  switch (f.method) {
    case '395':
      return { terms: { method: '395' } }
    case 'per-day': {
      const p = percentOf(f.percentPerDay)
      return p
        ? { terms: { method: 'per-day', percentPerDay: p, ...(cap ? { cap } : {}) } }
        : bad('badPercent', 'percentPerDay')
    }
    case 'key-rate-fraction': {
      let fixedRateBp: number | undefined
      if (f.rateMode === 'fixed') {
        const p = percentOf(f.fixedRate)
        if (!p || !/^\d+(\.\d{1,2})?$/.test(p)) return bad('badPercent', 'fixedRate')
        const [i, d = ''] = p.split('.')
        fixedRateBp = Number(i) * 100 + Number(d.padEnd(2, '0'))
      }
      return {
        terms: {
          method: 'key-rate-fraction',
          fraction: Number(f.fraction),
          rateMode: f.rateMode,
          ...(fixedRateBp !== undefined ? { fixedRateBp } : {}),
          ...(cap ? { cap } : {}),
        },
      }
    }
    case 'fine': {
      if (f.fineKind === 'percent') {
        const p = percentOf(f.fineValue)
        return p ? { terms: { method: 'fine', percent: p } } : bad('badPercent', 'fineValue')
      }
      const k = kopecksOf(f.fineValue, lang)
      return k === null ? bad('badMoney', 'fineValue') : { terms: { method: 'fine', amount: k } }
    }
  }
}

/** The first thing missing in the periods a person edits (the server checks the rest, e.g. the order of the dates). */
export function windowsProblem(windows: readonly Window[], t: PenaltyT): string | null {
  for (const w of windows) {
    if (!w.label.trim()) return t('emptyLabel')
    if (!w.from) return t('badDate', { f: `${w.label}: ${t('wFrom')}` })
    if (!w.to) return t('badDate', { f: `${w.label}: ${t('wTo')}` })
  }
  return null
}

/** An id for a new period that no other period has ("period-2"). */
export function newWindowId(windows: readonly Window[]): string {
  let n = windows.length + 1
  while (windows.some((w) => w.id === `period-${n}`)) n++
  return `period-${n}`
}
