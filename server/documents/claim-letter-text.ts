import type { ClaimLetterModel } from './claim-letter-model.ts'
import { formatDate as d, formatKopecks as m } from './format.ts'

const T = {
  ru: {
    title: 'ПРЕТЕНЗИЯ', to: 'Кому', from: 'От', inn: 'ИНН', kpp: 'КПП',
    body: (x: ClaimLetterModel) => `Между ${x.creditor.name} и ${x.debtor.name}${x.contract ? ` заключён договор № ${x.contract.number} от ${d(x.contract.date, 'ru')}` : ' имеются обязательства'}. ` +
      `Обязательства по оплате исполнены не полностью: задолженность по основному долгу составляет ${m(x.principal, 'ru')} руб.`,
    invoices: 'Неоплаченные счета', cols: ['№ счёта', 'Дата', 'Срок оплаты', 'Сумма', 'Оплачено'],
    accrualCols: ['Период', 'Дней', 'База, руб.', 'Ставка, %', 'Дней в году', 'Сумма, руб.'],
    total: 'Итого к оплате', demand: (x: ClaimLetterModel) => `Требуем в течение ${x.payWithinDays} календарных дней, не позднее ${d(x.payBy, 'ru')}, перечислить ${m(x.total, 'ru')} руб. по реквизитам ниже. В противном случае мы будем вынуждены обратиться в арбитражный суд (ч. 5 ст. 4 АПК РФ).`,
    bank: 'Банковские реквизиты', account: 'р/с', bic: 'БИК', corr: 'к/с', attachments: 'Приложения', accrualTotal: 'Итого начислено',
  },
  en: {
    title: 'CLAIM LETTER', to: 'To', from: 'From', inn: 'INN', kpp: 'KPP',
    body: (x: ClaimLetterModel) => `${x.creditor.name} and ${x.debtor.name}${x.contract ? ` are parties to contract No. ${x.contract.number} of ${d(x.contract.date, 'en')}` : ' have outstanding obligations'}. ` +
      `Payment obligations have not been met in full: the principal debt is RUB ${m(x.principal, 'en')}.`,
    invoices: 'Unpaid invoices', cols: ['Invoice', 'Date', 'Due', 'Amount', 'Paid'],
    accrualCols: ['Period', 'Days', 'Base, RUB', 'Rate, %', 'Year days', 'Amount, RUB'],
    total: 'Total due', demand: (x: ClaimLetterModel) => `We demand payment of RUB ${m(x.total, 'en')} within ${x.payWithinDays} calendar days, no later than ${d(x.payBy, 'en')}, to the account below. Otherwise we will apply to the arbitration court.`,
    bank: 'Bank details', account: 'account', bic: 'BIC', corr: 'corr. account', attachments: 'Attachments', accrualTotal: 'Total accrued',
  },
}

export function claimLetterTexts(lang: 'ru' | 'en') {
  return T[lang]
}
