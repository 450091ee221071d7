// Domain error of receivables. Codes are stable, never retried, and map to a 4xx at the API:
//   receivable.invalid-amount      amount not an integer of kopecks, <= 0 or >= 10^13
//   receivable.invalid-date        not a YYYY-MM-DD calendar date
//   receivable.due-before-invoice  the due date is before the invoice date
//   receivable.invalid-currency    not a three-letter ISO 4217 code
//   receivable.invalid-text        a required text is empty or too long
//   receivable.not-reversible      a reversal of a reversal, or of a payment already reversed
//   receivable.invalid-input       any other field of a request (user id, request id, kind)
import { DomainError } from '../domain-error.ts'
export type ReceivableErrorCode =
  | 'receivable.invalid-amount'
  | 'receivable.invalid-date'
  | 'receivable.due-before-invoice'
  | 'receivable.invalid-currency'
  | 'receivable.invalid-text'
  | 'receivable.not-reversible'
  | 'receivable.invalid-input'

export class ReceivableError extends DomainError<ReceivableErrorCode> {
  readonly field: string | null
  /** what the page's text needs besides the field: {rule: 'future' | 'too-long', max} */
  readonly params: Record<string, string | number>
  constructor(
    code: ReceivableErrorCode,
    message: string,
    field: string | null = null,
    params: Record<string, string | number> = {},
  ) {
    super('ReceivableError', code, message)
    this.field = field
    this.params = params
  }
}
