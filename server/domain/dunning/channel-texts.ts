// The words of the reminder channels in the portal's language: the call task for the manager (counterparty,
// invoices, sum), the channel names of a timeline line and the note of a channel the portal lacks.
import { formatRubles } from '../money/index.ts'
import { formatDay } from './render-template.ts'
import type { Channel, Lang } from './types.ts'

export interface CallInvoice {
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  remaining: number
  daysOverdue: number
}

/** Why a channel did not go: the portal has no open line connected for the client, or the app lacks the scope. */
export type ChannelSkip = 'no-open-line' | 'no-scope'

const WORDS: Record<Lang, Record<Channel, string>> = {
  ru: {
    email: 'эл. почта',
    telegram: 'Telegram',
    notify: 'уведомление',
    openline: 'открытая линия',
    call: 'задача на звонок',
  },
  en: { email: 'e-mail', telegram: 'Telegram', notify: 'notification', openline: 'open line', call: 'call task' },
}

export const channelWord = (c: Channel, lang: Lang): string => WORDS[lang][c] ?? c

/** The portal's name of the right a channel needs, and its scope code. */
const RIGHT: Partial<Record<Channel, { ru: string; en: string; scope: string }>> = {
  openline: { ru: 'Открытые линии', en: 'Open lines', scope: 'imopenlines' },
  call: { ru: 'Задачи', en: 'Tasks', scope: 'task' },
}

export function channelSkipNote(c: Channel, why: ChannelSkip, lang: Lang): string {
  const right = RIGHT[c] ?? { ru: channelWord(c, 'ru'), en: channelWord(c, 'en'), scope: c }
  const reason =
    why === 'no-open-line'
      ? lang === 'ru'
        ? 'у клиента нет подключённой открытой линии'
        : 'no open line is connected for the client'
      : lang === 'ru'
        ? `у приложения нет права «${right.ru}» (${right.scope})`
        : `the app was not granted «${right.en}» (the ${right.scope} scope)`
  const name = channelWord(c, lang)
  const head = name.charAt(0).toUpperCase() + name.slice(1)
  return lang === 'ru' ? `${head}: пропущено — ${reason}` : `${head}: skipped, ${reason}`
}

/** The call task: its title names the counterparty, the invoices and the sum; the description lists them. */
export function callTaskText(
  counterparty: string,
  invoices: CallInvoice[],
  lang: Lang,
  reminder: { subject: string; body: string },
): { title: string; description: string } {
  const total = invoices.reduce((s, i) => s + i.remaining, 0)
  const numbers = invoices.map((i) => i.invoiceNumber).join(', ')
  const word = lang === 'ru' ? (invoices.length > 1 ? 'счета' : 'счёт') : invoices.length > 1 ? 'invoices' : 'invoice'
  const line = (i: CallInvoice) =>
    lang === 'ru'
      ? `— счёт № ${i.invoiceNumber} от ${formatDay(i.invoiceDate, lang)}, срок ${formatDay(i.dueDate, lang)}, ` +
        `остаток ${formatRubles(i.remaining, lang)}${i.daysOverdue > 0 ? `, просрочка ${i.daysOverdue} дн.` : ''}`
      : `- invoice ${i.invoiceNumber} of ${formatDay(i.invoiceDate, lang)}, due ${formatDay(i.dueDate, lang)}, ` +
        `remaining ${formatRubles(i.remaining, lang)}${i.daysOverdue > 0 ? `, ${i.daysOverdue} days overdue` : ''}`
  const title =
    lang === 'ru'
      ? `Позвонить: ${counterparty} — ${word} ${numbers} на ${formatRubles(total, lang)}`
      : `Call ${counterparty}: ${word} ${numbers}, ${formatRubles(total, lang)}`
  const head =
    lang === 'ru'
      ? `Позвоните клиенту «${counterparty}» и напомните об оплате. Итого к оплате: ${formatRubles(total, lang)}.`
      : `Call ${counterparty} about the payment. Total due: ${formatRubles(total, lang)}.`
  const said = lang === 'ru' ? 'Текст напоминания этого шага:' : "This step's reminder text:"
  return {
    title,
    description: [head, '', ...invoices.map(line), '', said, reminder.subject, reminder.body].join('\n'),
  }
}
