// Dunning tables (migration 004).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** A `date` column: select it through `day()` (repositories/ledger-sql.ts). */
type DateColumn = ColumnType<string, string, string>
type Json = ColumnType<unknown, string | null | undefined, string | null>
type Segment = 'low' | 'normal' | 'high'

export interface DunningReceivablesTable {
  member_id: string
  receivable_id: number
  risk_segment: Segment | null
  do_not_dun: Generated<boolean>
  paused_until: DateColumn | null
  pause_reason: string | null
  promised_date: DateColumn | null
  promised_amount: number | null
  promise_recorded_on: DateColumn | null
  remaining_at_promise: number | null
  override: Json
  claim_item_id: number | null
  claim_sent_on: DateColumn | null
  next_reminder_date: DateColumn | null
  updated_at: Timestamp
}

export interface DunningCounterpartiesTable {
  member_id: string
  counterparty_id: number
  segment: string | null
  risk_segment: Segment | null
  do_not_dun: Generated<boolean>
  override: Json
  telegram_chat_id: string | null
  timezone: string | null
  lang: 'ru' | 'en' | null
  status: Generated<'ok' | 'overdue' | 'escalated' | 'claim'>
  updated_at: Timestamp
}

export interface DunningLogTable {
  id: Generated<number>
  member_id: string
  receivable_id: number
  step_key: string
  kind: 'reminder' | 'escalation' | 'manual'
  status: 'sent' | 'skipped'
  on_date: DateColumn
  detail: Json
  actor: Generated<string>
  created_at: Timestamp
}

export interface DunningEmployeeChatsTable {
  member_id: string
  user_id: number
  telegram_chat_id: string
}

export interface DunningTables {
  dunning_receivables: DunningReceivablesTable
  dunning_counterparties: DunningCounterpartiesTable
  dunning_log: DunningLogTable
  dunning_employee_chats: DunningEmployeeChatsTable
}
