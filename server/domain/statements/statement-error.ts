// Domain error of statement parsing and matching. Codes are stable and never retried:
//   statement.empty             no bytes, or nothing but whitespace
//   statement.unknown-format    neither 1CClientBankExchange nor camt.053
//   statement.malformed         the file breaks the format's structure (the message says where)
//   statement.too-large         more documents than one import accepts
import { DomainError } from '../domain-error.ts'

export type StatementErrorCode = 'statement.empty' | 'statement.unknown-format' | 'statement.malformed' | 'statement.too-large'

export class StatementError extends DomainError<StatementErrorCode> {
  constructor(code: StatementErrorCode, message: string) {
    super('StatementError', code, message)
  }
}
