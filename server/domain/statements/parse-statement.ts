// Any supported statement file from its bytes: the encoding is sniffed, the format recognised by
// its content (1CClientBankExchange marker, a camt.053 XML document, MT940 tags), never by the file name.
import type { ParsedStatement } from './types.ts'
import { StatementError } from './statement-error.ts'
import { decodeStatementBytes } from './decode.ts'
import { MARKER_1C, parse1CStatement } from './parse-1c.ts'
import { parseCamt053 } from './parse-camt053.ts'
import { looksLikeMt940, parseMt940 } from './parse-mt940.ts'

export function parseStatement(bytes: Uint8Array): ParsedStatement {
  const { text, encoding } = decodeStatementBytes(bytes)
  const head = text.trimStart()
  if (head === '') throw new StatementError('statement.empty', 'the file is empty')
  if (head.startsWith(MARKER_1C)) return parse1CStatement(text, encoding)
  if (head.startsWith('<')) return parseCamt053(text)
  if (looksLikeMt940(head)) return parseMt940(text, encoding)
  throw new StatementError(
    'statement.unknown-format',
    `not a bank statement: expected "${MARKER_1C}" on the first line a camt.053 XML document or an MT940 statement (:20: ... :62F:)`,
  )
}
