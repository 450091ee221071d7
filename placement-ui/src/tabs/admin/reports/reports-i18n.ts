// Words of the report cards that the admin dictionary does not have (legal-entity ageing, the
// tables of the overdue trend and of the promises).
import { translator, type Lang } from '../../../app/i18n.ts'

const dict = {
  ru: {
    byLegalEntity: 'Возраст задолженности по нашим юрлицам',
    legalEntity: 'Наше юрлицо',
    noLegalEntity: 'Не указано в договоре',
    allEntities: 'Все юрлица',
    weekTo: 'Неделя до',
    invoices: 'Счетов',
    keptAmount: 'Сумма выполненных',
    brokenAmount: 'Сумма нарушенных',
  },
  en: {
    byLegalEntity: 'Receivables ageing by our legal entity',
    legalEntity: 'Our legal entity',
    noLegalEntity: 'Not named on the contract',
    allEntities: 'All legal entities',
    weekTo: 'Week to',
    invoices: 'Invoices',
    keptAmount: 'Kept amount',
    brokenAmount: 'Broken amount',
  },
}
export const reportsT = (lang: Lang) => translator(dict, lang)
