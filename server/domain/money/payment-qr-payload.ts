// The payment QR code of ГОСТ Р 56042-2014 ("Стандарты финансовых операций. Двумерные символы
// штрихового кода для осуществления платежей физическими лицами"), which Russian banking apps scan:
// "ST0001" + the encoding digit (2 = UTF-8) + "|Key=Value" blocks. The five required blocks come
// first in the standard's order (Name, PersonalAcc, BankName, BIC, CorrespAcc); Sum is in kopecks.
// A value may not contain the separator "|"; each has the standard's length limit.
import { DomainError } from '../domain-error.ts'
import { assertKopecks } from './kopecks.ts'

export interface PaymentQrInput {
  /** The payee's name (Name, up to 160). */
  name: string
  /** The payee's settlement account, 20 digits (PersonalAcc). */
  account: string
  /** The bank's name (BankName, up to 45). */
  bankName: string
  /** The bank's BIC, 9 digits. */
  bic: string
  /** The bank's correspondent account, 20 digits; "0" when it has none (CorrespAcc). */
  corrAccount: string
  /** The payee's INN, 10 or 12 digits (PayeeINN). */
  inn: string
  /** The payee's KPP, 9 characters; absent for a sole trader. */
  kpp?: string
  /** The amount in kopecks (Sum), more than zero. */
  sum: number
  /** The purpose of payment (Purpose, up to 210). */
  purpose: string
}

export class PaymentQrError extends DomainError<'payment-qr.invalid-field'> {
  /** The block of the standard that is missing or wrong: Name, PersonalAcc, BIC, Sum ... */
  readonly field: string
  constructor(field: string, message: string) {
    super('PaymentQrError', 'payment-qr.invalid-field', `${field}: ${message}`)
    this.field = field
  }
}

const HEADER = 'ST00012'

/** A text block: required, no separator; `cut` shortens a longer value (the bank is known by its BIC),
 *  else a longer one is refused. */
function text(field: string, value: string, max: number, cut = false): string {
  const v = (value ?? '').replace(/\s+/g, ' ').trim()
  if (!v) throw new PaymentQrError(field, 'required')
  if (v.includes('|')) throw new PaymentQrError(field, 'may not contain "|"')
  const chars = [...v]
  if (chars.length <= max) return v
  if (!cut) throw new PaymentQrError(field, `longer than ${max} characters`)
  return chars.slice(0, max).join('').trim()
}

function digits(field: string, value: string, pattern: RegExp, what: string): string {
  const v = (value ?? '').trim()
  if (!pattern.test(v)) throw new PaymentQrError(field, `${what} expected, got "${v}"`)
  return v
}

/** The payload string; throws PaymentQrError naming the first field that is missing or wrong. */
export function paymentQrPayload(x: PaymentQrInput): string {
  let sum: number
  try {
    sum = assertKopecks(x.sum)
  } catch {
    throw new PaymentQrError('Sum', `not a whole number of kopecks: ${String(x.sum)}`)
  }
  if (sum <= 0) throw new PaymentQrError('Sum', 'must be more than zero')
  const blocks: [string, string][] = [
    ['Name', text('Name', x.name, 160)],
    ['PersonalAcc', digits('PersonalAcc', x.account, /^\d{20}$/, '20 digits')],
    ['BankName', text('BankName', x.bankName, 45, true)],
    ['BIC', digits('BIC', x.bic, /^\d{9}$/, '9 digits')],
    ['CorrespAcc', digits('CorrespAcc', x.corrAccount || '0', /^(0|\d{20})$/, '20 digits or 0')],
    ['PayeeINN', digits('PayeeINN', x.inn, /^(\d{10}|\d{12})$/, '10 or 12 digits')],
  ]
  if (x.kpp?.trim()) blocks.push(['KPP', digits('KPP', x.kpp, /^\d{4}[\dA-Z]{2}\d{3}$/, '9 characters')])
  blocks.push(['Sum', String(sum)], ['Purpose', text('Purpose', x.purpose, 210, true)])
  return [HEADER, ...blocks.map(([k, v]) => `${k}=${v}`)].join('|')
}

/** The blocks of a payload back as a record (for tests and for checking a decoded code). */
export function parsePaymentQrPayload(payload: string): Record<string, string> {
  const [header, ...blocks] = payload.split('|')
  if (header !== HEADER) throw new PaymentQrError('header', `"${HEADER}" expected, got "${header}"`)
  return Object.fromEntries(
    blocks.map((b) => {
      const at = b.indexOf('=')
      return [b.slice(0, at), b.slice(at + 1)]
    }),
  )
}
