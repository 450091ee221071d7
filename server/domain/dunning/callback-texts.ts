// The words of the telephony callback (a "call" step with the "callback" call mode): what the portal says to the
// manager before it connects the client (TEXT_TO_PRONOUNCE of voximplant.callback.start), and the note of a
// callback that could not start, so the call task was set instead.
import { formatAmount } from '../money/index.ts'
import type { CallInvoice } from './channel-texts.ts'
import type { Lang } from './types.ts'

/** Why the callback did not start: the app lacks `telephony`, the portal has no outgoing line, the client has no
 * phone, or the portal refused (a wrong number, an unknown line, no right to call). */
export type CallbackFallback = 'no-scope' | 'no-line' | 'no-phone' | 'refused'

/** "Звонок клиенту ООО Ромашка по оплате: счета OL-1, OL-2 на 62 345,67 рубля. Соединяю." — the counterparty by
 * name, the sum in the language's number format. */
export function callbackSpeech(counterparty: string, invoices: CallInvoice[], lang: Lang): string {
  // for speech synthesis the currency in words, not the ₽ sign (a decimal amount: "рубля")
  const sum = formatAmount(
    invoices.reduce((s, i) => s + i.remaining, 0),
    lang,
  )
  const total = lang === 'ru' ? `${sum} рубля` : `${sum} rubles`
  const numbers = invoices.map((i) => i.invoiceNumber).join(', ')
  const many = invoices.length > 1
  return lang === 'ru'
    ? `Звонок клиенту ${counterparty} по оплате: ${many ? 'счета' : 'счёт'} ${numbers} на ${total}. Соединяю.`
    : `Calling ${counterparty} about the payment: ${many ? 'invoices' : 'invoice'} ${numbers}, ${total}. Connecting.`
}

const WHY: Record<Lang, Record<CallbackFallback, string>> = {
  ru: {
    'no-scope': 'у приложения нет права «Телефония» (telephony)',
    'no-line': 'в портале нет линии для исходящих звонков',
    'no-phone': 'у клиента не указан телефон',
    refused: 'портал отказал в звонке',
  },
  en: {
    'no-scope': 'the app was not granted «Telephony» (the telephony scope)',
    'no-line': 'the portal has no line for outgoing calls',
    'no-phone': 'the client has no phone number',
    refused: 'the portal refused the call',
  },
}

/** "Обратный звонок: не запущен — у клиента не указан телефон; поставлена задача на звонок" */
export function callbackFallbackNote(why: CallbackFallback, lang: Lang): string {
  return lang === 'ru'
    ? `Обратный звонок: не запущен — ${WHY.ru[why]}; поставлена задача на звонок`
    : `Callback: not started, ${WHY.en[why]}; a call task was set instead`
}
