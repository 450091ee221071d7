// Journal entries in words: who (a person's name, "the app"), how (in the app, automatically, ...),
// what (the action, the events of an approval entry, to whom a hand-over went), and when (dd.mm.yyyy hh:mm
// in a Russian portal). Never `user:1`, a raw source code or a JSON blob.
import type { Lang } from './i18n.ts'
import { actorUserId } from './user-names.ts'
import { journalWords } from './journal-words.ts'

type Names = ReadonlyMap<number, string>
const fill = (text: string, v: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''))
const word = (lang: Lang, key: string, v: Record<string, string | number> = {}): string | null => {
  const text = (journalWords[lang] as Record<string, string>)[key]
  return text === undefined ? null : fill(text, v)
}

/** The user ids an entry names: the actor, a hand-over's receiver, approvers in its events. */
export function journalUserIds(entries: readonly { actor: string; details: unknown }[]): number[] {
  const ids = new Set<number>()
  for (const e of entries) {
    const a = actorUserId(e.actor)
    if (a) ids.add(a)
    const d = (e.details ?? {}) as { to?: unknown; events?: { by?: unknown }[] }
    if (typeof d.to === 'number') ids.add(d.to)
    for (const ev of Array.isArray(d.events) ? d.events : []) if (typeof ev.by === 'number') ids.add(ev.by)
  }
  return [...ids]
}

export function personName(id: number, lang: Lang, names: Names): string {
  return names.get(id) ?? word(lang, 'someone')!
}

export function actorText(actor: string, lang: Lang, names: Names): string {
  const id = actorUserId(actor)
  if (id !== null) return personName(id, lang, names)
  if (actor === 'system' || actor === 'app' || actor === 'automation') return word(lang, 'app')!
  return /^[a-z]+:/.test(actor) ? word(lang, 'app')! : actor // 'robot:…', 'api:…' are the app acting
}

export function sourceText(source: string, lang: Lang): string {
  return word(lang, `src_${source}`) ?? ''
}

/** The action in words; `own` words of the tab come first (e.g. the receivable journal's). */
export function actionText(action: string, lang: Lang, own?: (code: string) => string | null): string {
  return own?.(action) ?? word(lang, `act_${action}`) ?? word(lang, 'actOther')!
}

/** '2026-12-09T06:00:00Z' -> "09.12.2026 09:00" (ru, the browser's zone) / "2026-12-09 09:00" (en). */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  const day =
    lang === 'ru'
      ? `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`
      : `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
  return `${day} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** What an entry's details say, in words: a hand-over's receiver, a reason, an approval's round and events. */
export function detailsText(details: unknown, lang: Lang, names: Names): string {
  if (details === null || details === undefined) return ''
  if (typeof details === 'string') return details
  const d = details as {
    to?: unknown
    reason?: unknown
    round?: unknown
    events?: { type?: string; step?: number; by?: number; reason?: string; substitute?: boolean; deadline?: string }[]
  }
  const parts: string[] = []
  if (typeof d.to === 'number') parts.push(word(lang, 'handedTo', { name: personName(d.to, lang, names) })!)
  if (typeof d.round === 'number') parts.push(word(lang, 'round', { n: d.round })!)
  for (const ev of Array.isArray(d.events) ? d.events : []) {
    const text = word(lang, `ev_${ev.type}`, {
      step: (ev.step ?? 0) + 1,
      by: typeof ev.by === 'number' ? personName(ev.by, lang, names) : '',
      reason: ev.reason ?? '',
      deadline: ev.deadline ? formatDateTime(ev.deadline, lang) : '',
    })
    if (text) parts.push(text + (ev.substitute ? word(lang, 'substitute')! : ''))
  }
  if (typeof d.reason === 'string' && d.reason) parts.push(word(lang, 'reason', { reason: d.reason })!)
  return parts.join(' · ')
}
