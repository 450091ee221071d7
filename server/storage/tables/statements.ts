import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { BalanceCheck, StatementWarning } from '../../domain/statements/types.ts'

export type StatementImportStatus = 'processing' | 'done' | 'failed'
export type StatementLineStatus = 'pending' | 'matched' | 'review' | 'assigned' | 'dismissed' | 'skipped'
export interface LineAllocation {
  receivableId: number
  amount: number
  paymentId?: number
}

export interface StatementImportsTable {
  id: Generated<number>
  member_id: string
  file_name: string
  format: string
  sha256: string
  size_bytes: number
  uploaded_by: string
  status: ColumnType<StatementImportStatus, StatementImportStatus | undefined, StatementImportStatus>
  documents: ColumnType<number, number | undefined, number>
  incoming: ColumnType<number, number | undefined, number>
  outgoing: ColumnType<number, number | undefined, number>
  duplicates: ColumnType<number, number | undefined, number>
  processed: ColumnType<number, number | undefined, number>
  matched: ColumnType<number, number | undefined, number>
  review: ColumnType<number, number | undefined, number>
  balances: JSONColumnType<BalanceCheck[], string | undefined, string>
  /** parser warnings; rows stored before codes hold plain strings */
  warnings: JSONColumnType<(StatementWarning | string)[], string | undefined, string>
  error: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
}

export interface StatementLinesTable {
  id: Generated<number>
  member_id: string
  import_id: number
  line_key: string
  position: number
  direction: 'incoming' | 'outgoing' | 'unknown'
  doc_number: string
  value_date: ColumnType<string | null, string | null, string | null>
  amount: ColumnType<number, number, number>
  payer_inn: string | null
  payer_kpp: string | null
  payer_name: string
  purpose: string
  status: StatementLineStatus
  rule: string | null
  reason: string | null
  counterparty_id: number | null
  candidates: JSONColumnType<number[], string | undefined, string>
  allocations: JSONColumnType<LineAllocation[], string | undefined, string>
  resolved_by: string | null
  /** the API line this statement line repeats (the same payment through the other channel) */
  duplicate_of: ColumnType<number | null, number | null | undefined, number | null>
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  created_at: ColumnType<Date, Date | string | undefined, never>
}

export interface StatementTables {
  statement_imports: StatementImportsTable
  statement_lines: StatementLinesTable
}
