// The editable paragraphs of the claim letter (the admin's template per language): the statement of
// the debt and the demand, with variables in braces. Unknown variables are refused when saved.
import type { ClaimLetterModel } from './claim-letter-model.ts'
import { formatDate as d, formatKopecks as m } from './format.ts'

export interface LetterTemplate {
  body: string
  demand: string
}

export const LETTER_VARIABLES = [
  'creditor',
  'debtor',
  'contract',
  'principal',
  'accrued',
  'total',
  'pay_within_days',
  'pay_by',
  'date',
  'number',
] as const

const DEFAULTS: Record<'ru' | 'en', LetterTemplate> = {
  ru: {
    body: 'Между {creditor} и {debtor} {contract}. Обязательства по оплате исполнены не полностью: задолженность по основному долгу составляет {principal} руб.',
    demand:
      'Требуем в течение {pay_within_days} календарных дней, не позднее {pay_by}, перечислить {total} руб. по реквизитам ниже. В противном случае мы будем вынуждены обратиться в арбитражный суд (ч. 5 ст. 4 АПК РФ).',
  },
  en: {
    body: '{creditor} and {debtor} {contract}. Payment obligations have not been met in full: the principal debt is RUB {principal}.',
    demand:
      'We demand payment of RUB {total} within {pay_within_days} calendar days, no later than {pay_by}, to the account below. Otherwise we will apply to the arbitration court.',
  },
}

export const defaultLetterTemplate = (lang: 'ru' | 'en'): LetterTemplate => ({ ...DEFAULTS[lang] })

/** The problems of a template (unknown variables, empty or too long parts); empty when fine. */
export function letterTemplateProblems(t: LetterTemplate): string[] {
  const out: string[] = []
  for (const part of ['body', 'demand'] as const) {
    const text = t[part]
    if (typeof text !== 'string' || !text.trim()) {
      out.push(`${part}: the text is empty`)
      continue
    }
    if (text.length > 4000) out.push(`${part}: longer than 4000 characters`)
    for (const v of text.matchAll(/\{([^{}]*)\}/g))
      if (!(LETTER_VARIABLES as readonly string[]).includes(v[1]))
        out.push(`${part}: unknown variable {${v[1]}}; known: ${LETTER_VARIABLES.map((x) => `{${x}}`).join(', ')}`)
  }
  return out
}

/** "заключён договор № 15/2024 от 01.03.2024" / "заключены договоры № 1 от …, № 2 от …"; without a contract, the obligations. */
export function contractsPhrase(contracts: ClaimLetterModel['contracts'], lang: 'ru' | 'en'): string {
  const named = contracts.map((c) =>
    lang === 'ru'
      ? `№ ${c.number}${c.date ? ` от ${d(c.date, 'ru')}` : ''}`
      : `No. ${c.number}${c.date ? ` of ${d(c.date, 'en')}` : ''}`,
  )
  if (!named.length) return lang === 'ru' ? 'имеются обязательства' : 'have outstanding obligations'
  if (named.length === 1) return lang === 'ru' ? `заключён договор ${named[0]}` : `are parties to contract ${named[0]}`
  return lang === 'ru' ? `заключены договоры ${named.join(', ')}` : `are parties to contracts ${named.join(', ')}`
}

export function fillLetterTemplate(t: LetterTemplate, x: ClaimLetterModel): LetterTemplate {
  const contract = contractsPhrase(x.contracts, x.lang)
  const values: Record<(typeof LETTER_VARIABLES)[number], string> = {
    creditor: x.creditor.name,
    debtor: x.debtor.name,
    contract,
    principal: m(x.principal, x.lang),
    accrued: m(
      x.accruals.reduce((sum, a) => sum + a.total, 0),
      x.lang,
    ),
    total: m(x.total, x.lang),
    pay_within_days: String(x.payWithinDays),
    pay_by: d(x.payBy, x.lang),
    date: d(x.date, x.lang),
    number: x.number,
  }
  const fill = (s: string) => s.replace(/\{([a-z_]+)\}/g, (all, k: string) => values[k as keyof typeof values] ?? all)
  return { body: fill(t.body), demand: fill(t.demand) }
}
