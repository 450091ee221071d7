// Request and response shapes of /api/dunning/*, shared with placement-ui (type-only imports).
// Money is integer kopecks; days are 'YYYY-MM-DD' in the portal's time zone.
export type DunningChannelDto = 'email' | 'telegram' | 'notify'
export type DunningStepStatusDto = 'done' | 'skipped' | 'due' | 'waiting' | 'missed' | 'paused' | 'stopped' | 'no-anchor'
export type DunningBlockDto = 'paid' | 'do-not-dun' | 'paused' | 'promise'

export interface DunningStepDto {
  key: string
  kind: 'reminder' | 'escalation'
  label: string
  date: string | null
  status: DunningStepStatusDto
  /** "overdue" for a planned date in the past that has not happened (missed). */
  overdue: boolean
  channels: DunningChannelDto[]
  doneOn: string | null
  /** What happened: channels used, tasks created (ids), claim id. */
  detail: { channels?: string[]; tasks?: { id: number; done: boolean | null }[]; claimId?: number | null; reason?: string } | null
}

export interface DunningReceivablePlanDto {
  receivableId: number
  itemId: number | null
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  amount: number
  remaining: number
  daysOverdue: number
  riskSegment: 'low' | 'normal' | 'high'
  ladderId: string
  block: DunningBlockDto | null
  pause: { until: string; reason: string } | null
  promise: { date: string; amount: number; status: 'pending' | 'kept' | 'broken' } | null
  claim: { itemId: number } | null
  nextReminderDate: string | null
  steps: DunningStepDto[]
  manual: { key: string; on: string; actor: string; channels: string[] }[]
}

/** GET /api/dunning/counterparties/:type/:id/plan */
export interface DunningPlanDto {
  today: string
  counterparty: { id: number; name: string; status: 'ok' | 'overdue' | 'escalated' | 'claim' } | null
  receivables: DunningReceivablePlanDto[]
}

/** POST /api/dunning/receivables/:id/pause  ({until: null} ends the pause) */
export interface DunningPauseRequest { until: string | null; reason?: string }
/** POST /api/dunning/receivables/:id/promise  ({date: null} clears it) */
export interface DunningPromiseRequest { date: string | null; amount?: number }
/** POST /api/dunning/receivables/:id/skip */
export interface DunningSkipRequest { stepKey: string }
/** POST /api/dunning/receivables/:id/send-now: requestId makes a repeated press harmless. */
export interface DunningSendNowRequest { requestId: string; subject?: string; body?: string; channels?: DunningChannelDto[] }
export interface DunningSendNowResponse { sent: DunningChannelDto[]; failed: Record<string, string>; subject: string; body: string }

/** POST /api/dunning/templates/preview */
export interface DunningPreviewRequest { lang?: 'ru' | 'en'; templateId?: string; template?: { subject: string; body: string }; receivableId?: number; /** The sample invoice's days overdue (a ladder step's offset). */ daysOverdue?: number }
export interface DunningPreviewResponse { subject: string; body: string; variables: string[] }

/** POST /api/dunning/counterparties/:type/:id/settings (only the keys given change; null clears). */
export interface DunningCounterpartySettingsRequest {
  segment?: string | null
  riskSegment?: 'low' | 'normal' | 'high' | null
  doNotDun?: boolean
  telegramChatId?: string | null
  timezone?: string | null
  lang?: 'ru' | 'en' | null
  override?: DunningOverrideDto | null
}
/** POST /api/dunning/receivables/:id/settings */
export interface DunningReceivableSettingsRequest { riskSegment?: 'low' | 'normal' | 'high' | null; doNotDun?: boolean; override?: DunningOverrideDto | null }
export interface DunningOverrideDto {
  riskSegment?: 'low' | 'normal' | 'high'
  ladder?: string
  doNotDun?: boolean
  escalation?: { id: string; daysOverdue: number; moveToOverdue: boolean; tasks: { title: string; hours: number }[]; notifyHead: boolean; openClaim: boolean }[]
}
