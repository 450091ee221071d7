import type { ColumnType, Generated } from 'kysely'

export interface ClaimCasesTable {
  id: Generated<number>
  member_id: string
  item_id: number
  kind: 'recovery' | 'payout'
  title: ColumnType<string, string | undefined, string>
  counterparty_name: string | null
  assigned_by_id: number | null
  totals_comment_id: number | null
  completion_task_id: number | null
  synced_totals: string | null
  stage: string | null
  settlement_baseline: ColumnType<number | null, number | null | undefined, number | null>
  court_case: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface ClaimTranchesTable {
  id: Generated<number>
  member_id: string
  case_id: number
  deadline: ColumnType<string, string, string>
  amount: ColumnType<number, number, number>
  status: ColumnType<'planned' | 'paid', 'planned' | 'paid' | undefined, 'planned' | 'paid'>
  paid_on: ColumnType<string | null, string | null | undefined, string | null>
  paid_by: number | null
  task_id: number | null
  created_at: ColumnType<Date, Date | string | undefined, never>
}

export interface ClaimLettersTable {
  id: Generated<number>
  member_id: string
  case_id: number
  file_name: string
  pdf: Uint8Array
  total: ColumnType<number, number, number>
  generated_at: ColumnType<Date, Date | string | undefined, never>
  generated_by: string
  /** the printed number (migration 140); null for letters made before */
  number: ColumnType<string | null, string | null | undefined, string | null>
}

export interface ClaimMailLinksTable {
  member_id: string
  activity_id: number
  case_id: number
  case_number: string
  subject: ColumnType<string, string | undefined, string>
  received_at: Date | null
  bound_at: ColumnType<Date, Date | string | undefined, never>
}

export interface ClaimTables {
  claim_cases: ClaimCasesTable
  claim_tranches: ClaimTranchesTable
  claim_letters: ClaimLettersTable
  claim_mail_links: ClaimMailLinksTable
}
