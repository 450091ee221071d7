import { DomainError } from '../domain-error.ts'
export type DunningErrorCode =
  | 'dunning.invalid-rules'
  | 'dunning.unknown-ladder'
  | 'dunning.unknown-template'
  | 'dunning.unknown-variable'
  | 'dunning.invalid-window'
  | 'dunning.invalid-input'
  | 'dunning.not-found'
  | 'dunning.conflict'
  | 'dunning.review-not-found'
  | 'dunning.review-decided'
  | 'dunning.review-dropped'
  | 'dunning.review-invalid-hour'
  | 'dunning.review-invalid-segments'
  | 'dunning.review-unknown-step'
  | 'dunning.telegram-unavailable'

/** A rule or input problem; never retried. */
export class DunningError extends DomainError<DunningErrorCode> {
  readonly details: unknown
  constructor(code: DunningErrorCode, message: string, details?: unknown) {
    super('DunningError', code, message)
    this.details = details
  }
}
