// Domain error of statement parsing and matching. Codes are stable and never retried:
//   statement.empty             no bytes, or nothing but whitespace
//   statement.unknown-format    neither 1CClientBankExchange, camt.053 nor MT940
//   statement.malformed         the file breaks the format's structure (line and params say where)
//   statement.too-large         more documents than one import accepts
// Texts in ru/en: contracts/statement-messages.ts (by code and params).
import { DomainError } from '../domain-error.ts'

export type StatementErrorCode =
  'statement.empty' | 'statement.unknown-format' | 'statement.malformed' | 'statement.too-large'

export class StatementError extends DomainError<StatementErrorCode> {
  readonly line: number | null
  readonly params: Record<string, string | number>
  constructor(
    code: StatementErrorCode,
    message: string,
    where: { line?: number | null; params?: Record<string, string | number> } = {},
  ) {
    super('StatementError', code, message)
    this.line = where.line ?? null
    this.params = where.params ?? {}
  }
}
