// What a form asks a person to confirm before money or dates go to the server, and the words for the
// refusals the server gives for them (codes from record-payment, create-receivable, edit-claim-tranches).
import { ApiCallError } from './api.ts'
import { formatDay, formatMoney } from './format.ts'
import { translator, type Lang } from './i18n.ts'
import { guardWords } from './money-guards-i18n.ts'

/** The server refuses a hand-typed payment above this many times the invoice amount (record-payment.ts). */
export const IMPLAUSIBLE_PAYMENT_FACTOR = 10

/** The part of a payment above the remaining debt (it becomes the counterparty's advance); 0 when none. */
export function advanceOf(amount: number, remaining: number): number {
  return Math.max(0, amount - Math.max(0, remaining))
}

export function isImplausiblePayment(amount: number, invoiceAmount: number): boolean {
  return amount > invoiceAmount * IMPLAUSIBLE_PAYMENT_FACTOR
}

/** `day` more than a year after `today` (ISO days; 29 February counts to 28 February + 1 year). */
export function moreThanYearAhead(day: string, today: string): boolean {
  const [y, m, d] = today.split('-')
  const limit = m === '02' && d === '29' ? `${Number(y) + 1}-02-28` : `${Number(y) + 1}-${m}-${d}`
  return day > limit
}

export function guards(lang: Lang) {
  const t = translator(guardWords, lang)
  const money = (k: number) => formatMoney(k, lang)
  return {
    t,
    advance: (amount: number, remaining: number) =>
      t('confirmAdvance', { a: money(advanceOf(amount, remaining)), r: money(Math.max(0, remaining)) }),
    implausible: (invoiceAmount: number) => t('implausible', { a: money(invoiceAmount * IMPLAUSIBLE_PAYMENT_FACTOR) }),
    futureInvoice: (day: string) => t('confirmFutureInvoice', { d: formatDay(day, lang) }),
    farAhead: (day: string) => t('confirmFarAhead', { d: formatDay(day, lang) }),
    /** The server's refusal in the person's language when we know its code; its own text otherwise. */
    message: (e: unknown) => {
      const code = e instanceof ApiCallError ? e.code : ''
      const known = serverCodes[code]
      return known ? t(known) : (e as Error).message
    },
  }
}

const serverCodes: Record<string, keyof (typeof guardWords)['en']> = {
  'payment.exceeds-remaining': 'srvExceedsRemaining',
  'payment.implausible-amount': 'srvImplausible',
  'receivable.duplicate-number': 'srvDuplicateNumber',
  'payout.deadline-past': 'srvDeadlinePast',
  'payout.exceeds-agreed': 'srvExceedsAgreed',
  'claim.no-requisites': 'srvNoRequisites',
}
