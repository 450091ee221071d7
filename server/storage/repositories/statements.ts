// Statement imports and their lines. Lines are unique per portal by their key: inserting a file's
// documents again inserts nothing, and the caller learns how many were already known. One repository
// composed of the per-concept queries (statement-imports, statement-lines, statement-cross-channel).
import type { Db } from '../database.ts'
import { statementImportQueries } from './statement-imports.ts'
import { statementLineQueries } from './statement-lines.ts'
import { crossChannelQueries } from './statement-cross-channel.ts'

export type { LineAllocation } from '../tables/statements.ts'
export type { StatementImport } from './statement-imports.ts'
export type { NewStatementLine, StatementLine } from './statement-lines.ts'

export function statementsRepository(db: Db) {
  return {
    ...statementImportQueries(db),
    ...statementLineQueries(db),
    ...crossChannelQueries(db),
  }
}
export type StatementsRepository = ReturnType<typeof statementsRepository>
