// Domain error of the penalty engine. Codes are stable and never retried:
//   penalty.invalid-date           not an ISO YYYY-MM-DD calendar date
//   penalty.invalid-principal      principal not a positive kopeck amount
//   penalty.invalid-payment        payment amount not positive, or a bad payment date
//   penalty.overpayment            payments add up to more than the debt
//   penalty.invalid-charge         a new charge that is not positive or is dated after the calculation date
//   penalty.payment-after-calculation  a payment dated after the calculation date
//   penalty.invalid-period         accrual start after the calculation date in an explicit range
//   penalty.invalid-rate           a rate that cannot be read (format, too many decimals)
//   penalty.rate-out-of-range      a rate below 0 or above the allowed maximum
//   penalty.rate-duplicate         two key-rate rows for the same effective date
//   penalty.rate-order             admin key-rate rows not in ascending date order
//   penalty.rate-missing           no key rate known for a date (before the table starts)
//   penalty.invalid-fraction       key-rate fraction denominator not a positive integer
//   penalty.invalid-cap            a cap that is negative or given both as % and as a sum
//   penalty.invalid-method         unknown method or rate mode, or a required parameter missing
//   penalty.invalid-window         a no-accrual window whose end is before its start, a bad or repeated id, label or date
//   penalty.invalid-opt-out        a debtor's opt-out naming no debtor, a repeated debtor or an unknown window
//   penalty.invalid-defaults       the portal's penalty defaults are not the expected shape (too many entries, not a list)
//   penalty.double-recovery        art. 395 interest and a contractual penalty for the same debt and days
//   penalty.rate-answer-invalid    the Bank of Russia's key-rate answer does not parse (cbr-key-rates.ts)
import { DomainError } from '../domain-error.ts'
export type PenaltyErrorCode =
  | 'penalty.invalid-date'
  | 'penalty.invalid-principal'
  | 'penalty.invalid-payment'
  | 'penalty.overpayment'
  | 'penalty.invalid-charge'
  | 'penalty.payment-after-calculation'
  | 'penalty.invalid-period'
  | 'penalty.invalid-rate'
  | 'penalty.rate-out-of-range'
  | 'penalty.rate-duplicate'
  | 'penalty.rate-order'
  | 'penalty.rate-missing'
  | 'penalty.invalid-fraction'
  | 'penalty.invalid-cap'
  | 'penalty.invalid-method'
  | 'penalty.invalid-window'
  | 'penalty.invalid-opt-out'
  | 'penalty.invalid-defaults'
  | 'penalty.double-recovery'
  | 'penalty.rate-answer-invalid'

export class PenaltyError extends DomainError<PenaltyErrorCode> {
  readonly details: Readonly<Record<string, unknown>>
  constructor(code: PenaltyErrorCode, message: string, details: Record<string, unknown> = {}) {
    super('PenaltyError', code, message)
    this.details = details
  }
}
