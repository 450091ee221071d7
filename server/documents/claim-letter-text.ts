// The fixed words of the claim letter (headings, table columns); the paragraphs are a template
// (claim-letter-template.ts) the admin may edit.

const T = {
  ru: {
    title: 'ПРЕТЕНЗИЯ',
    to: 'Кому',
    from: 'От',
    inn: 'ИНН',
    kpp: 'КПП',
    invoices: 'Неоплаченные счета',
    cols: ['№ счёта', 'Дата', 'Срок оплаты', 'Сумма', 'Оплачено'],
    accrualCols: ['Период', 'Дней', 'База, руб.', 'Ставка, % годовых', 'Дней в году', 'Сумма, руб.'],
    accrualColsDay: ['Период', 'Дней', 'База, руб.', 'Ставка', 'Сумма, руб.'],
    notAccrued: 'не начисляется',
    notAccruedNote: 'Не начисляется',
    uncapped: 'Начислено по расчёту',
    cap: 'Ограничение по договору',
    toClaim: 'к взысканию',
    interestTotal: 'Итого проценты по ст. 395 ГК РФ',
    penaltyTotal: 'Итого неустойка',
    total: 'Итого к оплате',
    bank: 'Банковские реквизиты',
    account: 'р/с',
    bic: 'БИК',
    corr: 'к/с',
    attachments: 'Приложения',
    accrualTotal: 'Итого начислено',
  },
  en: {
    title: 'CLAIM LETTER',
    to: 'To',
    from: 'From',
    inn: 'INN',
    kpp: 'KPP',
    invoices: 'Unpaid invoices',
    cols: ['Invoice', 'Date', 'Due', 'Amount', 'Paid'],
    accrualCols: ['Period', 'Days', 'Base, RUB', 'Rate, % a year', 'Year days', 'Amount, RUB'],
    accrualColsDay: ['Period', 'Days', 'Base, RUB', 'Rate', 'Amount, RUB'],
    notAccrued: 'not accrued',
    notAccruedNote: 'Not accrued',
    uncapped: 'Accrued by the calculation',
    cap: 'Contractual cap',
    toClaim: 'claimed',
    interestTotal: 'Total art. 395 interest',
    penaltyTotal: 'Total penalty',
    total: 'Total due',
    bank: 'Bank details',
    account: 'account',
    bic: 'BIC',
    corr: 'corr. account',
    attachments: 'Attachments',
    accrualTotal: 'Total accrued',
  },
}

export function claimLetterTexts(lang: 'ru' | 'en') {
  return T[lang]
}
