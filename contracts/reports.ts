// Report DTOs for the admin page. Amounts in kopecks, days YYYY-MM-DD; every report has its rows.

export interface TrendPointDto {
  day: string
  overdue: number
  invoices: number
}
export interface DsoPointDto {
  month: string
  outstanding: number
  sales: number
  dso: number | null
}
export interface EffectivenessPointDto {
  month: string
  due: number
  collected: number
  rate: number | null
}
export interface CollectionReportDto {
  today: string
  trend: TrendPointDto[]
  dso: DsoPointDto[]
  effectiveness: EffectivenessPointDto[]
}

export interface PromisesReportDto {
  today: string
  months: { month: string; kept: number; broken: number; pending: number; keptAmount: number; brokenAmount: number }[]
  total: { kept: number; broken: number; pending: number }
}

export interface ClaimStageRowDto {
  pipeline: 'recovery' | 'compensation'
  stage: string
  count: number
  amount: number
}
export interface ClaimsReportDto {
  stages: ClaimStageRowDto[]
  names: Record<string, string>
}

export interface PayoutDueDto {
  caseId: number
  itemId: number
  title: string
  counterpartyName: string | null
  deadline: string
  amount: number
  overdue: boolean
}
export interface PayoutsReportDto {
  /** The month of `from` (the report was "this month" before periods came). */
  month: string
  /** The period (?period=this-week|next-30-days|this-month, or ?from&to); unpaid overdue tranches come
   *  too when it starts by today. */
  from: string
  to: string
  rows: PayoutDueDto[]
  total: number
  byDay: { day: string; count: number; amount: number }[]
  byCase: {
    caseId: number
    itemId: number
    title: string
    counterpartyName: string | null
    count: number
    amount: number
    firstDeadline: string
  }[]
}

export interface ApproverRowDto {
  approverId: number
  /** From the portal's users; null when it could not be read. */ approverName: string | null
  decided: number
  avgHours: number
  breaches: number
  substituted: number
}
export interface ApprovalsReportDto {
  requests: number
  done: number
  rejected: number
  avgCycleHours: number | null
  approvers: ApproverRowDto[]
}

/** Reports with their own CSV: GET /api/exports/reports/<name>.csv[?lang=ru|en] (admins). */
export type ReportCsvName =
  | 'ageing'
  | 'ageing-legal-entities'
  | 'trend'
  | 'dso'
  | 'effectiveness'
  | 'promises'
  | 'claims'
  | 'payouts'
  | 'approvals'
