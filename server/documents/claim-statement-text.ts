// The words of the statement of claim draft in ru and en (the court reads ru; en is for a reader of
// an English portal). Amounts arrive formatted (non-breaking group spaces), dates as dd.mm.yyyy.
const ru = {
  outgoing: (n: string, d: string) => `Исх. № ${n} от ${d}`,
  to: 'В',
  plaintiff: 'Истец',
  defendant: 'Ответчик',
  claimValue: 'Цена иска',
  duty: 'Государственная пошлина',
  rub: 'руб.',
  inn: 'ИНН',
  kpp: 'КПП',
  ogrn: 'ОГРН',
  address: 'адрес',
  account: 'р/с',
  bic: 'БИК',
  corr: 'к/с',
  title: 'ИСКОВОЕ ЗАЯВЛЕНИЕ',
  subject: 'о взыскании задолженности, процентов и неустойки',
  contract: (n: string, d: string | null) => `договор № ${n}${d ? ` от ${d}` : ''}`,
  contractsIntro: (list: string) => `Между истцом и ответчиком заключён ${list}.`,
  noContract: 'Истец поставил ответчику товары (оказал услуги) и выставил счета на оплату.',
  invoicesIntro: 'Истец выставил ответчику следующие счета, которые ответчик в срок не оплатил:',
  invoiceCols: ['Счёт', 'Дата', 'Срок оплаты', 'Сумма, руб.', 'Оплачено, руб.', 'Долг, руб.'],
  debt: (a: string) =>
    `Обязательства должны исполняться надлежащим образом (ст. 309, 310 ГК РФ). Задолженность ответчика составляет ${a} руб.`,
  pretrial: (n: string, d: string, sent: string | null, ends: string | null) =>
    `Истцом соблюдён досудебный порядок урегулирования спора (ч. 5 ст. 4 АПК РФ): ответчику направлена претензия № ${n} от ${d}` +
    `${sent ? `, отправлена ${sent}` : ''}${ends ? `; тридцатидневный срок для ответа истёк ${ends}` : ''}. Требования претензии не исполнены.`,
  accrualsIntro: (d: string) => `На сумму долга начислены проценты и неустойка по дату подачи иска ${d}:`,
  accrualCols: ['Период', 'Дней', 'Сумма долга', 'Ставка', 'Дней в году', 'Начислено'],
  accrualColsDay: ['Период', 'Дней', 'Сумма долга', 'Ставка', 'Начислено'],
  accrualTotal: 'Итого',
  dutyLine: (row: string, a: string) =>
    `Государственная пошлина по подп. 1 п. 1 ст. 333.21 НК РФ (${row}) составляет ${a} руб.`,
  dutyLineGeneral: (row: string, a: string) =>
    `Государственная пошлина по подп. 1 п. 1 ст. 333.19 НК РФ (${row}) составляет ${a} руб.`,
  ask: 'На основании изложенного, руководствуясь ст. 309, 310, 330, 395 ГК РФ, ст. 4, 125, 126 АПК РФ, прошу:',
  askPrincipal: (a: string) => `взыскать с ответчика основной долг ${a} руб.;`,
  askInterest: (a: string, d: string) =>
    `взыскать проценты за пользование чужими денежными средствами (ст. 395 ГК РФ) ${a} руб. по ${d} и далее по день фактической оплаты долга;`,
  askPenalty: (a: string, d: string) =>
    `взыскать неустойку ${a} руб. по ${d} и далее по день фактической оплаты долга;`,
  askDuty: (a: string) => `взыскать расходы по уплате государственной пошлины ${a} руб.`,
  attachments: 'Приложения:',
  draft: 'Проект. Проверьте реквизиты суда, расчёты и приложения перед подачей.',
}

const en: typeof ru = {
  outgoing: (n: string, d: string) => `Ref. No. ${n} of ${d}`,
  to: 'To',
  plaintiff: 'Plaintiff',
  defendant: 'Defendant',
  claimValue: 'Claim value',
  duty: 'State duty',
  rub: 'RUB',
  inn: 'INN',
  kpp: 'KPP',
  ogrn: 'OGRN',
  address: 'address',
  account: 'account',
  bic: 'BIC',
  corr: 'corr. account',
  title: 'STATEMENT OF CLAIM',
  subject: 'for the recovery of debt, interest and penalty',
  contract: (n, d) => `contract No. ${n}${d ? ` of ${d}` : ''}`,
  contractsIntro: (list) => `The plaintiff and the defendant concluded ${list}.`,
  noContract: 'The plaintiff supplied goods (services) to the defendant and issued invoices.',
  invoicesIntro: 'The plaintiff issued the following invoices, which the defendant did not pay on time:',
  invoiceCols: ['Invoice', 'Date', 'Due', 'Amount, RUB', 'Paid, RUB', 'Debt, RUB'],
  debt: (a) => `Obligations must be performed properly (Civil Code art. 309, 310). The defendant owes RUB ${a}.`,
  pretrial: (n, d, sent, ends) =>
    `The pre-trial procedure was observed (APK art. 4 p. 5): claim letter ${n} of ${d} was sent to the defendant` +
    `${sent ? ` on ${sent}` : ''}${ends ? `; the 30-day period to answer ended on ${ends}` : ''}. The claim was not satisfied.`,
  accrualsIntro: (d) => `Interest and penalty accrued on the debt up to the filing date ${d}:`,
  accrualCols: ['Period', 'Days', 'Debt', 'Rate', 'Days in year', 'Accrued'],
  accrualColsDay: ['Period', 'Days', 'Debt', 'Rate', 'Accrued'],
  accrualTotal: 'Total',
  dutyLine: (row, a) => `The state duty by Tax Code art. 333.21 p. 1 sub. 1 (${row}) is RUB ${a}.`,
  dutyLineGeneral: (row, a) => `The state duty by Tax Code art. 333.19 p. 1 sub. 1 (${row}) is RUB ${a}.`,
  ask: 'Based on the above, under Civil Code art. 309, 310, 330, 395 and APK art. 4, 125, 126, I ask the court:',
  askPrincipal: (a) => `to recover from the defendant the principal debt of RUB ${a};`,
  askInterest: (a, d) => `to recover art. 395 interest of RUB ${a} to ${d} and further until the debt is paid;`,
  askPenalty: (a, d) => `to recover the penalty of RUB ${a} to ${d} and further until the debt is paid;`,
  askDuty: (a) => `to recover the state duty paid, RUB ${a}.`,
  attachments: 'Attachments:',
  draft: 'Draft. Check the court, the calculations and the attachments before filing.',
}

export type ClaimStatementTexts = typeof ru
export const claimStatementTexts = (lang: 'ru' | 'en'): ClaimStatementTexts => (lang === 'ru' ? ru : en)
