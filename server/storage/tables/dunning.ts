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
  /** migration 125: when the chat joined by a one-time link */
  telegram_linked_at: ColumnType<Date | null, Date | null | undefined, Date | null>
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
  kind: 'reminder' | 'escalation' | 'manual' | 'task'
  status: 'sent' | 'skipped'
  on_date: DateColumn
  detail: Json
  actor: Generated<string>
  created_at: Timestamp
}

/** migration 061: the task a ladder task step created, until it is done or closed by the app */
export interface DunningStepTasksTable {
  member_id: string
  receivable_id: number
  step_key: string
  task_id: number
  created_on: DateColumn
  closed_on: DateColumn | null
  close_reason: 'paid' | 'paused' | 'done' | null
}

export interface DunningEmployeeChatsTable {
  member_id: string
  user_id: number
  telegram_chat_id: string
}

/** migration 130: a counterparty's reminder of one day waiting for a person's review */
export interface DunningReviewTable {
  id: Generated<number>
  member_id: string
  counterparty_id: number
  day: DateColumn
  status: Generated<'pending' | 'approved' | 'skipped' | 'dropped' | 'expired'>
  message: Json
  edited: Generated<boolean>
  decided_by: string | null
  decided_at: Timestamp | null
  created_at: Timestamp
}

/** migration 125: one-time Telegram links of counterparties (the token's SHA-256 only) */
export interface CounterpartyTelegramTokensTable {
  token_hash: string
  member_id: string
  counterparty_id: number
  created_by: string
  expires_at: Timestamp
  used_at: Timestamp | null
  used_chat_id: string | null
  created_at: Timestamp
}

export interface DunningTables {
  counterparty_telegram_tokens: CounterpartyTelegramTokensTable
  dunning_receivables: DunningReceivablesTable
  dunning_counterparties: DunningCounterpartiesTable
  dunning_log: DunningLogTable
  dunning_step_tasks: DunningStepTasksTable
  dunning_employee_chats: DunningEmployeeChatsTable
  dunning_review: DunningReviewTable
}
