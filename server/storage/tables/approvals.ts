// Approval tables (migration 006).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json = ColumnType<unknown, string, string>

export interface ApprovalsTable {
  id: Generated<number>
  member_id: string
  entity_type_id: number
  item_id: number
  pipeline: 'payments' | 'contracts'
  status: 'in-progress' | 'rejected' | 'done'
  round: Generated<number>
  version: Generated<number>
  state: Json
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ApprovalOutboxTable {
  id: Generated<number>
  member_id: string
  approval_id: number
  version: number
  events: Json
  state: Json
  created_at: Timestamp
  /** The app clock's moment of the commit (created_at is the database clock's). */
  committed_at: Timestamp | null
  applied_at: Timestamp | null
}

export interface ApprovalTasksTable {
  member_id: string
  task_id: number
  approval_id: number
  round: number
  kind: 'main' | 'sub'
}

export interface TelegramLinksTable {
  member_id: string
  user_id: number
  chat_id: number
  linked_at: Timestamp
}

export interface TelegramLinkCodesTable {
  code: string
  member_id: string
  user_id: number
  expires_at: Timestamp
  used_at: Timestamp | null
}

export interface TelegramReasonPromptsTable {
  chat_id: number
  member_id: string
  approval_id: number
  round: number
  step_index: number
  expires_at: Timestamp
}

export interface ApprovalTables {
  approvals: ApprovalsTable
  approval_outbox: ApprovalOutboxTable
  approval_tasks: ApprovalTasksTable
  telegram_links: TelegramLinksTable
  telegram_link_codes: TelegramLinkCodesTable
  telegram_reason_prompts: TelegramReasonPromptsTable
}
