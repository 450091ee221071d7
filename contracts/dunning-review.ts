// Request and response shapes of /api/admin/dunning-review (the review list of reminders that wait for
// a person), shared with placement-ui (type-only). Money in kopecks; days 'YYYY-MM-DD' (portal time).
import type { DunningChannelDto, DunningStepWhenDto } from './dunning.ts'

export type RiskSegmentDto = 'low' | 'normal' | 'high'

export interface DunningReviewSettingsDto {
  /** the risk segments whose reminders wait for review */
  segments: RiskSegmentDto[]
  /** 0-23 in the portal's time zone; null: unreviewed reminders never go out by themselves */
  releaseHour: number | null
}

export interface DunningReviewInvoiceDto {
  receivableId: number
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  remaining: number
  daysOverdue: number
}

export interface DunningReviewItemDto {
  id: number
  counterparty: string
  invoices: DunningReviewInvoiceDto[]
  /** the reminder step of the line's invoices (r.<step id>) */
  stepKey: string
  /** the steps a reviewer may choose instead (the ladder's reminder steps not yet done) */
  steps: { key: string; when?: DunningStepWhenDto }[]
  channels: DunningChannelDto[]
  subject: string
  body: string
  /** the text was edited by a person (a paid invoice no longer re-composes it) */
  edited: boolean
}

export interface DunningReviewListDto {
  day: string
  settings: DunningReviewSettingsDto
  items: DunningReviewItemDto[]
}

export interface DunningReviewEditBody {
  stepKey?: string
  subject?: string
  body?: string
}

export interface DunningReviewSendAllDto {
  sent: number
  dropped: number
}
