// Failures of a ledger use-case that the caller must see (the API maps `kind` to 404 / 409 / 400).
export type LedgerErrorKind = 'not-found' | 'conflict' | 'invalid'

export class LedgerError extends Error {
  readonly code: string
  readonly kind: LedgerErrorKind
  /** the values the page's text of the code needs ({field}, {rule}, {max} ...) */
  readonly params: Record<string, string | number> | undefined
  constructor(kind: LedgerErrorKind, code: string, message: string, params?: Record<string, string | number>) {
    super(message)
    this.name = 'LedgerError'
    this.kind = kind
    this.code = code
    this.params = params
  }
}
