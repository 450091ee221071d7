// The admin's claim-letter template (setting 'claims.letterTemplate': { ru?: {body, demand}, en?: ... }):
// read with the defaults, validated before it is saved (unknown variables named), previewed on a
// sample claim exactly as the PDF will word it.
import { defaultLetterTemplate, fillLetterTemplate, letterTemplateProblems, LETTER_VARIABLES, type LetterTemplate } from '../documents/claim-letter-template.ts'
import type { ClaimLetterModel } from '../documents/claim-letter-model.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import type { Actor } from './create-receivable.ts'
import { LedgerError } from './ledger-error.ts'

export const LETTER_TEMPLATE_SETTING = 'claims.letterTemplate'
type Stored = Partial<Record<'ru' | 'en', LetterTemplate>>

export async function readLetterTemplates(ports: Pick<ReceivablesPorts, 'settings'>, memberId: string) {
  const stored = (await ports.settings.get<Stored>(memberId, LETTER_TEMPLATE_SETTING)) ?? {}
  return {
    templates: { ru: stored.ru ?? defaultLetterTemplate('ru'), en: stored.en ?? defaultLetterTemplate('en') },
    custom: { ru: Boolean(stored.ru), en: Boolean(stored.en) }, variables: [...LETTER_VARIABLES],
  }
}

const parse = (lang: unknown, t: unknown): { lang: 'ru' | 'en'; template: LetterTemplate | null } => {
  if (lang !== 'ru' && lang !== 'en') throw new LedgerError('invalid', 'settings.invalid', 'lang: ru or en')
  if (t === null) return { lang, template: null } // back to the default wording
  const o = (t && typeof t === 'object' ? t : {}) as Record<string, unknown>
  const template = { body: typeof o.body === 'string' ? o.body : '', demand: typeof o.demand === 'string' ? o.demand : '' }
  const problems = letterTemplateProblems(template)
  if (problems.length) throw new LedgerError('invalid', 'settings.invalid', problems.join('; '))
  return { lang, template }
}

export async function saveLetterTemplate(ports: ReceivablesPorts, who: Actor, lang: unknown, t: unknown) {
  const p = parse(lang, t)
  const stored = (await ports.settings.get<Stored>(who.memberId, LETTER_TEMPLATE_SETTING)) ?? {}
  const next: Stored = { ...stored }
  if (p.template) next[p.lang] = p.template
  else delete next[p.lang]
  await ports.settings.set(who.memberId, LETTER_TEMPLATE_SETTING, next, who.actor)
  await ports.audit.record({ memberId: who.memberId, actor: who.actor, source: who.source, action: 'settings.changed', entity: 'setting', entityId: LETTER_TEMPLATE_SETTING, details: { lang: p.lang, template: p.template } })
  return readLetterTemplates(ports, who.memberId)
}

/** The two paragraphs worded for a sample claim (a preview that never touches a portal). */
export function previewLetterTemplate(lang: unknown, t: unknown): LetterTemplate {
  const p = parse(lang, t)
  const sample: ClaimLetterModel = {
    lang: p.lang, number: 'П-2026/7-1', date: '2026-12-04', contract: { number: '15/2024', date: '2024-03-01' }, invoices: [], attachments: [],
    creditor: { name: p.lang === 'ru' ? 'ООО «Поставщик»' : 'Supplier LLC', signer: '', signerTitle: '', bankDetails: { bank: '', bic: '', account: '' } },
    debtor: { name: p.lang === 'ru' ? 'ООО «Ромашка»' : 'Romashka LLC' },
    principal: 30_000_000, accrual: { title: '', rows: [], total: 2_154_811 }, total: 32_154_811, payWithinDays: 30, payBy: '2027-01-03',
  }
  return fillLetterTemplate(p.template ?? defaultLetterTemplate(p.lang), sample)
}
