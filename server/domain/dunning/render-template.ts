// Templates are plain text with {{variable}} placeholders; rendering is pure and strict.
import { formatRubles } from '../money/index.ts'
import { DunningError } from './dunning-error.ts'
import type { Lang, Template } from './types.ts'

export const TEMPLATE_VARIABLES = [
  'counterparty',
  'invoice_number',
  'invoice_date',
  'amount',
  'remaining',
  'due_date',
  'days_overdue',
  'penalty',
  'payment_details',
  'manager',
  'invoice_list',
  'total_remaining',
] as const
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]
export type TemplateVars = Partial<Record<TemplateVariable, string>>

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g

/** A known name in single braces ({counterparty}): it would reach the client literally. */
const SINGLE_BRACED = /(?<!\{)\{\s*([a-z_]+)\s*\}(?!\})/g

/** Names used by a text that are not known variables, and known ones written in single braces as "{name}"
 *  (for validation: only {{name}} is replaced). */
export function unknownVariables(text: string): string[] {
  const known = new Set<string>(TEMPLATE_VARIABLES)
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((n) => !known.has(n))
  const single = [...text.matchAll(SINGLE_BRACED)].map((m) => m[1]).filter((n) => known.has(n))
  return [...unknown, ...single.map((n) => `{${n}}`)]
}

export function renderText(text: string, vars: TemplateVars): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => {
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name))
      throw new DunningError('dunning.unknown-variable', `unknown template variable {{${name}}}`, { name })
    return vars[name as TemplateVariable] ?? ''
  })
}

export function renderTemplate(t: Template, vars: TemplateVars): Template {
  return { subject: renderText(t.subject, vars), body: renderText(t.body, vars) }
}

/** 'YYYY-MM-DD' -> 'DD.MM.YYYY' (ru) or the ISO date (en). */
export function formatDay(date: string, lang: Lang): string {
  if (lang === 'en') return date
  const [y, m, d] = date.split('-')
  return `${d}.${m}.${y}`
}

export interface InvoiceFacts {
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  amount: number
  remaining: number
  daysOverdue: number
  penalty: number | null
}

export interface PartyFacts {
  counterparty: string
  manager: string
  paymentDetails: string
}

export function invoiceVariables(inv: InvoiceFacts, party: PartyFacts, lang: Lang): TemplateVars {
  return {
    counterparty: party.counterparty,
    manager: party.manager,
    payment_details: party.paymentDetails,
    invoice_number: inv.invoiceNumber,
    invoice_date: formatDay(inv.invoiceDate, lang),
    due_date: formatDay(inv.dueDate, lang),
    amount: formatRubles(inv.amount, lang),
    remaining: formatRubles(inv.remaining, lang),
    days_overdue: String(Math.max(0, inv.daysOverdue)),
    penalty: inv.penalty === null ? '—' : formatRubles(inv.penalty, lang),
    total_remaining: formatRubles(inv.remaining, lang),
  }
}
