// Domain error of money handling. Codes are stable and never retried:
//   money.invalid-amount   not a number of roubles/kopecks we accept (format, > 2 decimals, not an integer)
//   money.negative-amount  a negative amount where only zero or more is allowed
//   money.out-of-range     beyond MAX_KOPECKS (absurd) or not a safe integer
//   money.invalid-parts    allocate() got no parts, negative or all-zero weights
//   money.division-by-zero a rounding helper was asked to divide by zero
import { DomainError } from '../domain-error.ts'
export type MoneyErrorCode =
  | 'money.invalid-amount'
  | 'money.negative-amount'
  | 'money.out-of-range'
  | 'money.invalid-parts'
  | 'money.division-by-zero'

export class MoneyError extends DomainError<MoneyErrorCode> {
  readonly details: Readonly<Record<string, unknown>>
  constructor(code: MoneyErrorCode, message: string, details: Record<string, unknown> = {}) {
    super('MoneyError', code, message)
    this.details = details
  }
}
