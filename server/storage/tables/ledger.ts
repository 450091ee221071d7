// Ledger tables (migration 003): counterparty -> contract -> receivable -> payments.
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** A `date` column: always select it through `day()` (repositories/ledger-sql.ts) to get YYYY-MM-DD. */
type DateColumn = ColumnType<string, string, string>
type Json = ColumnType<unknown, string | null, string | null>

export interface CounterpartiesTable {
  id: Generated<number>
  member_id: string
  entity_type: 'company' | 'contact'
  entity_id: number
  name: Generated<string>
  inn: string | null
  kpp: string | null
  email: string | null
  /** migration 060: the worst contract status last written to the company card */
  card_contract_status: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ContractsTable {
  id: Generated<number>
  member_id: string
  counterparty_id: number
  number: string
  contract_date: DateColumn | null
  legal_entity: string | null
  payment_terms_days: number | null
  /** migration 170 */
  payment_terms_kind: Generated<'calendar' | 'working'>
  penalty_terms: Json
  created_by: string
  created_at: Timestamp
  /** migration 060 */
  status: Generated<'active' | 'overdue' | 'claim' | 'settled' | 'closed'>
  oldest_days: Generated<number>
  closed_on: DateColumn | null
  closed_reason: string | null
  closed_by: string | null
}

export interface ContractStatusHistoryTable {
  id: Generated<number>
  member_id: string
  contract_id: number
  from_status: string
  to_status: string
  oldest_days: number
  on_date: DateColumn
  actor: string
  reason: string | null
  created_at: Timestamp
}

export interface ReceivablesTable {
  id: Generated<number>
  member_id: string
  counterparty_id: number
  contract_id: number | null
  item_id: number | null
  invoice_number: string
  invoice_date: DateColumn
  due_date: DateColumn
  effective_due_date: DateColumn
  amount: number
  currency: Generated<string>
  paid: Generated<number>
  remaining: ColumnType<number, never, never>
  last_payment_on: DateColumn | null
  last_payment_amount: number | null
  stage: Generated<string>
  manual_stage: Generated<boolean>
  /** migration 095: when the stage last changed (the "stuck" status) */
  stage_changed_at: Generated<Date | null>
  overdue_applied: Generated<boolean>
  responsible_id: number | null
  version: Generated<number>
  created_by: string
  created_source: string
  created_at: Timestamp
  updated_at: Timestamp
}

/** migration 170: the deal or smart invoice a receivable was made from */
export interface SourceReceivablesTable {
  member_id: string
  source_type: number
  source_id: number
  receivable_id: number
  amount: number
  frozen_amount: number | null
  created_at: Timestamp
}

export interface PaymentsTable {
  id: Generated<number>
  member_id: string
  receivable_id: number
  amount: number
  paid_on: DateColumn
  source: 'manual' | 'bank-statement' | 'robot' | 'api' | 'reversal'
  source_ref: string
  reversal_of: number | null
  comment: string | null
  actor: string
  created_at: Timestamp
}

export interface LedgerTables {
  counterparties: CounterpartiesTable
  contracts: ContractsTable
  contract_status_history: ContractStatusHistoryTable
  receivables: ReceivablesTable
  payments: PaymentsTable
  source_receivables: SourceReceivablesTable
}
