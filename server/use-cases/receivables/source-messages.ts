// Why a deal or smart invoice did not become a receivable (or its amount was not followed), in ru and en:
// names, not ids; dates dd.mm.yyyy.
import { formatAmount, formatRubles } from '../../domain/money/index.ts'

export type SourceProblemCode =
  | 'source.no-counterparty'
  | 'source.no-contract'
  | 'source.no-payment-terms'
  | 'source.no-amount'
  | 'source.number-taken'
  | 'source.amount-after-sent'

export interface SourceProblem {
  code: SourceProblemCode
  /** what the texts name: the deal's or invoice's title, the counterparty, the contract, the invoice number */
  title: string
  counterparty?: string
  contract?: string
  invoiceNumber?: string
  amount?: number
  /** the amount's currency (RUB unless told) */
  currency?: string
}

const money = (p: SourceProblem, lang: 'ru' | 'en') =>
  !p.currency || p.currency === 'RUB'
    ? formatRubles(p.amount ?? 0, lang)
    : lang === 'ru'
      ? `${formatAmount(p.amount ?? 0, 'ru')} ${p.currency}`
      : `${p.currency} ${formatAmount(p.amount ?? 0, 'en')}`

export class SourceError extends Error {
  readonly problem: SourceProblem
  constructor(problem: SourceProblem) {
    super(sourceProblemText(problem, 'en'))
    this.problem = problem
    this.name = 'SourceError'
  }
}

export function sourceProblemText(p: SourceProblem, lang: 'ru' | 'en'): string {
  const ru = lang === 'ru'
  const what = ru ? `Счёт по «${p.title}» не создан: ` : `No invoice was created for "${p.title}": `
  switch (p.code) {
    case 'source.no-counterparty':
      return what + (ru ? 'не указаны компания или контакт.' : 'it has no company or contact.')
    case 'source.no-contract':
      return (
        what +
        (ru
          ? `у контрагента «${p.counterparty}» нет действующего договора.`
          : `the counterparty "${p.counterparty}" has no open contract.`)
      )
    case 'source.no-payment-terms':
      return (
        what +
        (ru ? `в договоре № ${p.contract} не указан срок оплаты.` : `contract No. ${p.contract} has no payment terms.`)
      )
    case 'source.no-amount':
      return what + (ru ? 'сумма не указана или не больше нуля.' : 'its amount is missing or not above zero.')
    case 'source.number-taken':
      return (
        what +
        (ru
          ? `номер ${p.invoiceNumber} уже занят в этом году.`
          : `number ${p.invoiceNumber} is already taken this year.`)
      )
    case 'source.amount-after-sent':
      return ru
        ? `Сумма «${p.title}» изменилась на ${money(p, 'ru')}, но счёт № ${p.invoiceNumber} ` +
            'уже отправлен клиенту: сумма счёта не изменена.'
        : `The amount of "${p.title}" changed to ${money(p, 'en')}, but invoice ` +
            `No. ${p.invoiceNumber} has already been sent to the client: its amount was not changed.`
  }
}
