// The admin's claim-letter template (setting 'claims.letterTemplate': { ru?: {body, demand}, en?: ...,
// entities?: { <INN>: { ru?, en? } } }): one for all our legal entities, and optionally one per entity;
// read with the defaults, validated before it is saved (unknown variables named), previewed on a
// sample claim exactly as the PDF will word it.
import {
  defaultLetterTemplate,
  fillLetterTemplate,
  letterTemplateProblems,
  LETTER_VARIABLES,
  type LetterTemplate,
} from '../../documents/claim-letter-template.ts'
import type { ClaimLetterModel } from '../../documents/claim-letter-model.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { readLegalEntities } from './legal-entities.ts'

export const LETTER_TEMPLATE_SETTING = 'claims.letterTemplate'
type PerLang = Partial<Record<'ru' | 'en', LetterTemplate>>
type Stored = PerLang & { entities?: Record<string, PerLang> }

/** The template a letter of the entity with `inn` uses: its own, else the common one, else the built-in. */
export async function letterTemplateFor(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
  lang: 'ru' | 'en',
  inn: string | null,
): Promise<LetterTemplate | undefined> {
  const stored = (await ports.settings.get<Stored>(memberId, LETTER_TEMPLATE_SETTING)) ?? {}
  return (inn ? stored.entities?.[inn]?.[lang] : undefined) ?? stored[lang]
}

/** `inn` given: that entity's templates (its own where set, else the common ones). */
export async function readLetterTemplates(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
  inn?: string | null,
) {
  const stored = (await ports.settings.get<Stored>(memberId, LETTER_TEMPLATE_SETTING)) ?? {}
  const own = inn ? (stored.entities?.[inn] ?? {}) : stored
  const pick = (lang: 'ru' | 'en') => own[lang] ?? stored[lang] ?? defaultLetterTemplate(lang)
  return {
    templates: { ru: pick('ru'), en: pick('en') },
    custom: { ru: Boolean(own.ru), en: Boolean(own.en) },
    variables: [...LETTER_VARIABLES],
    inn: inn ?? null,
  }
}

const parse = (lang: unknown, t: unknown): { lang: 'ru' | 'en'; template: LetterTemplate | null } => {
  if (lang !== 'ru' && lang !== 'en') throw new LedgerError('invalid', 'settings.invalid', 'lang: ru or en')
  if (t === null) return { lang, template: null } // back to the default wording
  const o = (t && typeof t === 'object' ? t : {}) as Record<string, unknown>
  const template = {
    body: typeof o.body === 'string' ? o.body : '',
    demand: typeof o.demand === 'string' ? o.demand : '',
  }
  const problems = letterTemplateProblems(template)
  if (problems.length) throw new LedgerError('invalid', 'settings.invalid', problems.join('; '))
  return { lang, template }
}

/** `inn` given: the template of that legal entity of ours (null template = back to the common one). */
export async function saveLetterTemplate(
  ports: ReceivablesPorts,
  who: Actor,
  lang: unknown,
  t: unknown,
  inn?: unknown,
) {
  const p = parse(lang, t)
  if (
    inn !== undefined &&
    inn !== null &&
    (typeof inn !== 'string' || !(await readLegalEntities(ports, who.memberId)).some((e) => e.inn === inn))
  ) {
    throw new LedgerError('invalid', 'settings.invalid', `inn: ${String(inn)} is not one of our legal entities`)
  }
  const stored = (await ports.settings.get<Stored>(who.memberId, LETTER_TEMPLATE_SETTING)) ?? {}
  const next: Stored = { ...stored, entities: { ...stored.entities } }
  const target: PerLang = inn ? { ...next.entities![inn as string] } : next
  if (p.template) target[p.lang] = p.template
  else delete target[p.lang]
  if (inn) next.entities![inn as string] = target
  await ports.settings.set(who.memberId, LETTER_TEMPLATE_SETTING, next, who.actor)
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'settings.changed',
    entity: 'setting',
    entityId: LETTER_TEMPLATE_SETTING,
    details: { lang: p.lang, template: p.template, inn: inn ?? null },
  })
  return readLetterTemplates(ports, who.memberId, (inn as string | undefined) ?? null)
}

/** The two paragraphs worded for a sample claim (a preview that never touches a portal). */
export function previewLetterTemplate(lang: unknown, t: unknown): LetterTemplate {
  const p = parse(lang, t)
  const sample: ClaimLetterModel = {
    lang: p.lang,
    number: 'П-2026/7-1',
    date: '2026-12-04',
    contracts: [{ number: '15/2024', date: '2024-03-01' }],
    invoices: [],
    attachments: [],
    creditor: {
      name: p.lang === 'ru' ? 'ООО «Поставщик»' : 'Supplier LLC',
      signer: '',
      signerTitle: '',
      bankDetails: { bank: '', bic: '', account: '' },
    },
    debtor: { name: p.lang === 'ru' ? 'ООО «Ромашка»' : 'Romashka LLC' },
    principal: 30_000_000,
    accruals: [
      { title: '', kind: 'interest', perYear: true, rows: [], uncapped: 2_154_811, cap: null, total: 2_154_811 },
    ],
    total: 32_154_811,
    payWithinDays: 30,
    payBy: '2027-01-11',
  }
  return fillLetterTemplate(p.template ?? defaultLetterTemplate(p.lang), sample)
}
