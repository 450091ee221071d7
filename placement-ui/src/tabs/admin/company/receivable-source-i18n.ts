// Words of the "Invoices from deals" form (company section of the admin page).
import { translator, type Lang } from '../../../app/i18n.ts'

const dict = {
  ru: {
    title: 'Счета из сделок',
    hint: 'Когда сделка (или счёт портала) доходит до выбранной стадии, приложение один раз создаёт счёт в «Дебиторке»: сумма, контрагент, его договор и срок оплаты по договору. Пока счёт не отправлен клиенту, изменения суммы сделки переносятся в счёт.',
    source: 'Источник счетов',
    src_off: 'Выключено',
    src_deals: 'Сделки',
    src_invoices: 'Счета портала (смарт-счета)',
    stageOf: 'Стадия, на которой создаётся счёт — воронка «{name}»',
    noStage: 'Не создавать',
    noPipelines: 'В портале нет воронок этого типа.',
    save: 'Сохранить',
    saved: 'Сохранено',
  },
  en: {
    title: 'Invoices from deals',
    hint: 'When a deal (or a portal invoice) reaches the chosen stage, the app creates one invoice in Receivables: the amount, the counterparty, its contract and the due date from the contract. Until the invoice is sent to the client, changes of the deal amount are carried over.',
    source: 'Source of invoices',
    src_off: 'Off',
    src_deals: 'Deals',
    src_invoices: 'Portal invoices (smart invoices)',
    stageOf: 'The stage that creates the invoice — pipeline "{name}"',
    noStage: 'Do not create',
    noPipelines: 'The portal has no pipelines of this kind.',
    save: 'Save',
    saved: 'Saved',
  },
}

export const receivableSourceT = (lang: Lang) => translator(dict, lang)
