// What a person reads when a reconciliation act, a claim letter or a statement of claim cannot be
// made for a missing requisite: the document, the field by name and where to fill it in, in the
// portal's language (ru/en). The error's code is `requisites.missing`, its `field` param the key below.
import { LedgerError } from './ledger-error.ts'

type DocumentKind = 'reconciliation-act' | 'claim-letter' | 'claim-statement' | 'stage-form'
export type MissingRequisite =
  'entity' | 'inn' | 'ogrn' | 'address' | 'bank' | 'bic' | 'account' | 'counterpartyName' | 'counterpartyInn'

const DOC: Record<DocumentKind, { ru: string; en: string }> = {
  'reconciliation-act': { ru: 'Акт сверки не сформирован', en: 'The reconciliation act was not made' },
  'claim-letter': { ru: 'Претензия не сформирована', en: 'The claim letter was not made' },
  'claim-statement': { ru: 'Исковое заявление не сформировано', en: 'The statement of claim was not made' },
  'stage-form': { ru: 'Печатная форма этапа не сформирована', en: 'The stage print form was not made' },
}

const FIELD: Record<MissingRequisite, { ru: string; en: string }> = {
  entity: { ru: 'реквизиты нашей организации', en: 'Our legal entity' },
  inn: { ru: 'ИНН', en: 'Our INN' },
  ogrn: { ru: 'ОГРН', en: 'Our OGRN' },
  address: { ru: 'юридический адрес', en: 'Our address' },
  bank: { ru: 'наименование банка', en: 'Our bank name' },
  bic: { ru: 'БИК банка', en: 'Our bank BIC' },
  account: { ru: 'расчётный счёт', en: 'Our settlement account' },
  counterpartyName: { ru: 'наименование', en: "The counterparty's name" },
  counterpartyInn: { ru: 'ИНН', en: "The counterparty's INN" },
}

/** `requisites.missing` naming the field; `who` is our entity's or the counterparty's name. */
export function missingRequisite(doc: DocumentKind, field: MissingRequisite, lang: 'ru' | 'en', who = ''): LedgerError {
  const d = DOC[doc][lang]
  const f = FIELD[field][lang]
  const theirs = field === 'counterpartyName' || field === 'counterpartyInn'
  const debtor = doc === 'reconciliation-act' ? '' : lang === 'ru' ? 'должника' : 'debtor'
  let text: string
  if (field === 'entity')
    text =
      lang === 'ru'
        ? `${d}: не заполнены ${f}. Заполните их в настройках приложения (Компания → Наши юридические лица).`
        : `${d}: ${f} is missing: fill in its requisites in the app settings (Company → Our legal entities).`
  else if (theirs) {
    const whose = lang === 'ru' ? `${debtor || 'контрагента'}${who ? ` ${who}` : ''}` : who ? `"${who}"` : 'the company'
    text =
      lang === 'ru'
        ? `${d}: в реквизитах ${whose} не заполнено поле «${f}». Заполните реквизиты компании в CRM.`
        : `${d}: ${debtor ? f.replace('counterparty', debtor) : f} is missing: ` +
          `add the requisites of ${whose} in the CRM.`
  } else
    text =
      lang === 'ru'
        ? `${d}: у нашей организации ${who} не заполнено поле «${f}». ` +
          'Заполните его в настройках приложения (Юридические лица).'
        : `${d}: ${f} is missing: fill it in for "${who}" in the app settings (Legal entities).`
  return new LedgerError('invalid', 'requisites.missing', text, { field })
}
