// What a person reads when an invoice cannot be made: the missing requisite by name, in ru and en.
export type RequisiteField =
  'name' | 'inn' | 'kpp' | 'bank' | 'bic' | 'account' | 'corrAccount' | 'sum' | 'number' | 'buyerName' | 'buyerInn'

const NAMES: Record<RequisiteField, { ru: string; en: string }> = {
  name: { ru: 'наименование', en: 'legal name' },
  inn: { ru: 'ИНН', en: 'INN' },
  kpp: { ru: 'КПП', en: 'KPP' },
  bank: { ru: 'наименование банка', en: 'bank name' },
  bic: { ru: 'БИК банка', en: 'bank BIC' },
  account: { ru: 'расчётный счёт', en: 'settlement account' },
  corrAccount: { ru: 'корреспондентский счёт банка', en: 'correspondent account' },
  sum: { ru: 'сумма счёта', en: 'invoice amount' },
  number: { ru: 'номер счёта', en: 'invoice number' },
  buyerName: { ru: 'наименование покупателя', en: "buyer's name" },
  buyerInn: { ru: 'ИНН покупателя', en: "buyer's INN" },
}

export function missingRequisiteText(
  field: RequisiteField,
  entityName: string,
  lang: 'ru' | 'en',
  detail?: string,
): string {
  const buyer = field === 'buyerName' || field === 'buyerInn'
  const what = NAMES[field][lang]
  const more = detail ? ` (${detail})` : ''
  if (lang === 'ru')
    return buyer
      ? `Счёт не сформирован и не отправлен: в реквизитах клиента не заполнено поле «${what}»${more}. Заполните реквизиты компании в CRM.`
      : `Счёт не сформирован и не отправлен: в реквизитах нашей организации «${entityName}» не заполнено или неверно поле «${what}»${more}. Исправьте его в настройках приложения (Юридические лица).`
  return buyer
    ? `The invoice was not made or sent: the client's requisites lack the "${what}"${more}. Fill in the company's requisites in the CRM.`
    : `The invoice was not made or sent: the "${what}" of our legal entity "${entityName}" is missing or wrong${more}. Fix it in the app settings (Legal entities).`
}
