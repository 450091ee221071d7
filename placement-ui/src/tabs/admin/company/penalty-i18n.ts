// Words of the "Penalty defaults" form (company section of the admin page).
import { translator, type Lang } from '../../../app/i18n.ts'

const dict = {
  ru: {
    title: 'Неустойка по умолчанию и периоды без начисления',
    hint: 'Претензия считает каждый счёт по условиям неустойки его договора, а если в договоре их нет — способом ниже. Проценты по ст. 395 ГК РФ и договорная неустойка за один долг не суммируются: для счёта применяется что-то одно.',
    method: 'Способ по умолчанию', m_395: 'Проценты по ст. 395 ГК РФ', 'm_per-day': 'Пени, % в день', 'm_key-rate-fraction': 'Доля ключевой ставки', m_fine: 'Штраф',
    percentPerDay: 'Ставка, % в день', fraction: 'Доля ставки', rateMode: 'Какая ставка', 'rm_periodised': 'действующая в каждом периоде', 'rm_payment-date': 'на день оплаты', 'rm_calculation-date': 'на день расчёта', rm_fixed: 'фиксированная',
    fixedRate: 'Ключевая ставка, %', cap: 'Ограничение', cap_none: 'без ограничения', cap_percent: '% от долга', cap_fixed: 'сумма, ₽', capValue: 'Предел',
    fineKind: 'Штраф', fine_amount: 'сумма, ₽', fine_percent: '% от долга', fineValue: 'Размер',
    windows: 'Периоды без начисления', windowsHint: 'В эти дни неустойка и проценты не начисляются (по умолчанию — мораторий 2022 года). «Для обязательств до» — период касается только долгов, возникших раньше этой даты.',
    wLabel: 'Название', wFrom: 'С', wTo: 'По (включительно)', wBefore: 'Для обязательств до', wAdd: '+ Период', wRemove: 'Удалить период', wNone: 'Периодов нет: начисление идёт каждый день', wNew: 'Новый период',
    optOuts: 'Должники, отказавшиеся от моратория', optOutsHint: 'Для них выбранные периоды не действуют (например, должник опубликовал отказ от моратория). Найдите компанию по названию, ИНН или ID.',
    search: 'Название, ИНН или ID', find: 'Найти', addById: 'Добавить компанию #{id}', notFound: 'Не найдено в реестре счетов', notInLedger: 'нет счетов в реестре', company: 'Компания', contact: 'Контакт', inn: 'ИНН',
    oRemove: 'Убрать', noOptOuts: 'Никто не отказался', noWindowsToOptOut: 'Добавьте период, чтобы отметить отказ',
    save: 'Сохранить', saved: 'Сохранено', reset: 'Вернуть по умолчанию', badPercent: '«{f}»: число, например 0,1', badMoney: '«{f}»: сумма в рублях, например 50 000,00', badDate: '«{f}»: укажите дату', emptyLabel: 'У периода нет названия',
  },
  en: {
    title: 'Penalty defaults and no-accrual periods',
    hint: 'The claim letter counts each invoice by the penalty terms of its contract; when the contract has none, by the method below. Art. 395 interest and a contractual penalty are never both claimed for one debt: one of them per invoice.',
    method: 'Default method', m_395: 'Art. 395 interest', 'm_per-day': 'Penalty, % a day', 'm_key-rate-fraction': 'Fraction of the key rate', m_fine: 'Fine',
    percentPerDay: 'Rate, % a day', fraction: 'Fraction', rateMode: 'Which rate', 'rm_periodised': 'in force in each period', 'rm_payment-date': 'on the payment day', 'rm_calculation-date': 'on the calculation day', rm_fixed: 'fixed',
    fixedRate: 'Key rate, %', cap: 'Cap', cap_none: 'no cap', cap_percent: '% of the debt', cap_fixed: 'amount, RUB', capValue: 'Limit',
    fineKind: 'Fine', fine_amount: 'amount, RUB', fine_percent: '% of the debt', fineValue: 'Size',
    windows: 'No-accrual periods', windowsHint: 'No penalty or interest accrues on these days (the 2022 moratorium by default). "For obligations before": the period covers only debts that arose before that day.',
    wLabel: 'Name', wFrom: 'From', wTo: 'To (inclusive)', wBefore: 'For obligations before', wAdd: '+ Period', wRemove: 'Remove the period', wNone: 'No periods: every day accrues', wNew: 'New period',
    optOuts: 'Debtors that refused the moratorium', optOutsHint: 'The periods ticked do not apply to them (e.g. the debtor published its refusal of the moratorium). Find a company by name, INN or ID.',
    search: 'Name, INN or ID', find: 'Find', addById: 'Add company #{id}', notFound: 'Not found among the invoices', notInLedger: 'no invoices yet', company: 'Company', contact: 'Contact', inn: 'INN',
    oRemove: 'Remove', noOptOuts: 'Nobody opted out', noWindowsToOptOut: 'Add a period to record a refusal',
    save: 'Save', saved: 'Saved', reset: 'Back to the defaults', badPercent: '"{f}": a number, e.g. 0.1', badMoney: '"{f}": an amount in roubles, e.g. 50,000.00', badDate: '"{f}": pick a date', emptyLabel: 'A period has no name',
  },
}

export type PenaltyT = ReturnType<typeof penaltyT>
export const penaltyT = (lang: Lang) => translator(dict, lang)
export const penaltyDict = dict
