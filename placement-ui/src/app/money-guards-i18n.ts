// ru/en words of the money guards (money-guards.ts) and of the server's refusals they put into words.
import type { Dict, Lang } from './i18n.ts'

export const guardWords = {
  ru: {
    confirmAdvance:
      'Оплата больше остатка долга ({r}): {a} станет авансом контрагента. Проверьте сумму и нажмите «Подтвердить».',
    implausible: 'Сумма не похожа на оплату этого счёта: больше {a}. Проверьте сумму.',
    confirmFutureInvoice: 'Дата счёта {d} ещё не наступила. Если это верно, нажмите «Подтвердить».',
    confirmFarAhead: 'Дата {d} больше чем через год. Если это верно, нажмите «Подтвердить».',
    confirm: 'Подтвердить',
    deadlinePast: 'Срок транша не может быть в прошлом.',
    exceedsAgreed: 'Транши превысят согласованную сумму на {a}.',
    duplicateNumber: 'У контрагента уже есть счёт № {n}.',
    srvExceedsRemaining: 'Оплата больше остатка долга: подтвердите, что разница станет авансом.',
    srvImplausible: 'Сумма оплаты неправдоподобно велика для этого счёта.',
    srvDuplicateNumber: 'У контрагента уже есть счёт с таким номером.',
    srvDeadlinePast: 'Срок транша не может быть в прошлом.',
    srvExceedsAgreed: 'Транши превысили бы согласованную сумму.',
    srvNoRequisites:
      'Претензию не сформировать без реквизитов нашего юрлица: заполните их в настройках приложения, ' +
      'раздел «Компания» → «Наши юрлица (кредиторы)».',
  },
  en: {
    confirmAdvance:
      'The payment is more than the remaining debt ({r}): {a} becomes the counterparty’s advance. ' +
      'Check the amount and press “Confirm”.',
    implausible: 'This amount does not look like a payment of this invoice: more than {a}. Check the amount.',
    confirmFutureInvoice: 'The invoice date {d} is in the future. If that is right, press “Confirm”.',
    confirmFarAhead: 'The date {d} is more than a year ahead. If that is right, press “Confirm”.',
    confirm: 'Confirm',
    deadlinePast: 'A tranche deadline cannot be in the past.',
    exceedsAgreed: 'The tranches would exceed the agreed sum by {a}.',
    duplicateNumber: 'The counterparty already has invoice {n}.',
    srvExceedsRemaining: 'The payment is more than the remaining debt: confirm that the excess becomes an advance.',
    srvImplausible: 'The payment amount is implausibly large for this invoice.',
    srvDuplicateNumber: 'The counterparty already has an invoice with this number.',
    srvDeadlinePast: 'A tranche deadline cannot be in the past.',
    srvExceedsAgreed: 'The tranches would exceed the agreed sum.',
    srvNoRequisites:
      'A claim letter needs the requisites of our legal entity: fill them in the app settings, ' +
      'section “Company” → “Our legal entities (creditors)”.',
  },
} satisfies Record<Lang, Dict>
