// The built-in escalation task titles are stored in English (the defaults' canonical form) and shown
// and created in the portal's language; a title the admin typed is kept as typed.
import type { DunningRules } from './types.ts'

const RU: Readonly<Record<string, string>> = {
  'Call the client': 'Позвонить клиенту',
  'Find out the reason': 'Выяснить причину просрочки',
  'Send a reminder': 'Отправить напоминание',
}
const FROM_RU: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(RU).map(([en, ru]) => [ru, en]))

/** A task title in the portal's language (a built-in one translated, anything else as is). */
export function taskTitleIn(title: string, lang: string): string {
  return lang === 'ru' ? (RU[title] ?? title) : title
}

/** The stored form of a title: a translated built-in title back to its English original. */
export function canonicalTaskTitle(title: string): string {
  return FROM_RU[title] ?? title
}

/** The rules with every escalation task title mapped (a copy; the input is left as it is). */
export function withTaskTitles(rules: DunningRules, map: (title: string) => string): DunningRules {
  return {
    ...rules,
    rules: rules.rules.map((r) => ({
      ...r,
      escalation: r.escalation.map((s) => ({ ...s, tasks: s.tasks.map((t) => ({ ...t, title: map(t.title) })) })),
    })),
  }
}
