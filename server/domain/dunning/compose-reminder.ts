// One message per counterparty per day: a single invoice uses its step's template; several invoices
// due the same day go out together in the 'consolidated' template with a list of invoices.
import { formatRubles } from '../money/index.ts'
import { DunningError } from './dunning-error.ts'
import { formatDay, invoiceVariables, renderTemplate, type InvoiceFacts, type PartyFacts } from './render-template.ts'
import type { Channel, DunningRules, Lang, Template } from './types.ts'

export interface DueReminderEntry {
  receivableId: number
  stepKey: string
  template: string
  channels: Channel[]
  invoice: InvoiceFacts
}

export function templateFor(rules: DunningRules, id: string, lang: Lang): Template {
  const t = rules.templates[id]?.[lang] ?? rules.templates[id]?.ru ?? rules.templates[id]?.en
  if (!t) throw new DunningError('dunning.unknown-template', `template "${id}" does not exist`, { template: id })
  return t
}

export function composeReminder(
  rules: DunningRules,
  entries: DueReminderEntry[],
  party: PartyFacts,
  lang: Lang,
): Template & { channels: Channel[] } {
  if (!entries.length) throw new DunningError('dunning.invalid-input', 'nothing to compose')
  const channels = [...new Set(entries.flatMap((e) => e.channels))]
  if (entries.length === 1)
    return {
      ...renderTemplate(
        templateFor(rules, entries[0].template, lang),
        invoiceVariables(entries[0].invoice, party, lang),
      ),
      channels,
    }
  const sorted = [...entries].sort(
    (a, b) => a.invoice.dueDate.localeCompare(b.invoice.dueDate) || a.receivableId - b.receivableId,
  )
  const line = (i: InvoiceFacts) =>
    lang === 'ru'
      ? `— счёт № ${i.invoiceNumber} от ${formatDay(i.invoiceDate, lang)}, срок ${formatDay(i.dueDate, lang)}, остаток ${formatRubles(i.remaining, lang)}${i.daysOverdue > 0 ? `, просрочка ${i.daysOverdue} дн.` : ''}`
      : `- invoice ${i.invoiceNumber} of ${formatDay(i.invoiceDate, lang)}, due ${formatDay(i.dueDate, lang)}, remaining ${formatRubles(i.remaining, lang)}${i.daysOverdue > 0 ? `, ${i.daysOverdue} days overdue` : ''}`
  const total = sorted.reduce((s, e) => s + e.invoice.remaining, 0)
  const vars = {
    ...invoiceVariables(sorted[0].invoice, party, lang),
    invoice_list: sorted.map((e) => line(e.invoice)).join('\n'),
    total_remaining: formatRubles(total, lang),
  }
  return { ...renderTemplate(templateFor(rules, 'consolidated', lang), vars), channels }
}

/** Groups due reminders by counterparty (one message each). */
export function groupByCounterparty<T extends { counterpartyId: number }>(items: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>()
  for (const it of items) out.set(it.counterpartyId, [...(out.get(it.counterpartyId) ?? []), it])
  return out
}
