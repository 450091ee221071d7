// Request and response shapes of /api/dunning/*, shared with placement-ui (type-only imports).
// Money is integer kopecks; days are 'YYYY-MM-DD' in the portal's time zone.
export type DunningChannelDto = 'email' | 'telegram' | 'notify' | 'openline' | 'call'
export type DunningStepStatusDto =
  'done' | 'skipped' | 'due' | 'waiting' | 'missed' | 'paused' | 'stopped' | 'no-anchor'
export type DunningBlockDto = 'paid' | 'do-not-dun' | 'paused' | 'promise'

/** When a step falls, for its name in words ("за 5 рабочих дней до срока", "повтор 2 из 8"). */
export type DunningStepWhenDto =
  | { anchor: 'invoice' | 'due' | 'previous' | 'claim-sent'; offset: number; unit: 'working' | 'calendar' }
  | { repeat: number; of: number; everyDays: number; unit: 'working' | 'calendar' }
  | { daysOverdue: number }

export interface DunningStepDto {
  key: string
  kind: 'reminder' | 'escalation'
  /** the step's id (reminders) or "id: tasks" (escalations); the page names the step by `when` and `what` */
  label: string
  when?: DunningStepWhenDto
  /** escalation: task titles in the portal's language, whether the head is told and a claim is opened */
  what?: { tasks: string[]; notifyHead: boolean; openClaim: boolean }
  date: string | null
  status: DunningStepStatusDto
  /** "overdue" for a planned date in the past that has not happened (missed). */
  overdue: boolean
  channels: DunningChannelDto[]
  doneOn: string | null
  /** What happened: channels used, tasks created (ids), claim id. */
  detail: {
    channels?: string[]
    /** channels the portal lacked: channel -> 'no-open-line' (no open line for the client) | 'no-scope' */
    skipped?: Record<string, string>
    /** a call step in the "callback" mode: the started callback's id ('' when its answer was lost), or why the
     * call task went instead ('no-scope' | 'no-line' | 'no-phone' | 'refused') */
    callback?: { callId: string } | { fallback: string }
    tasks?: { id: number; done: boolean | null }[]
    claimId?: number | null
    reason?: string
  } | null
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
export interface DunningPauseRequest {
  until: string | null
  reason?: string
}
/** POST /api/dunning/receivables/:id/promise  ({date: null} clears it) */
export interface DunningPromiseRequest {
  date: string | null
  amount?: number
}
/** POST /api/dunning/receivables/:id/skip */
export interface DunningSkipRequest {
  stepKey: string
}
/** POST /api/dunning/receivables/:id/send-now: requestId makes a repeated press harmless. */
export interface DunningSendNowRequest {
  requestId: string
  subject?: string
  body?: string
  channels?: DunningChannelDto[]
}
/** Why a channel was not used: a code with ru/en text (error-messages.ts), the English message for logs. */
export interface DunningSendFailureDto {
  code: string
  message: string
  params?: Record<string, string | number>
}
export interface DunningSendNowResponse {
  sent: DunningChannelDto[]
  failed: Partial<Record<DunningChannelDto, DunningSendFailureDto>>
  subject: string
  body: string
}

/** POST /api/dunning/templates/preview */
export interface DunningPreviewRequest {
  lang?: 'ru' | 'en'
  templateId?: string
  template?: { subject: string; body: string }
  receivableId?: number
  /** The sample invoice's days overdue (a ladder step's offset). */ daysOverdue?: number
}
export interface DunningPreviewResponse {
  subject: string
  body: string
  variables: string[]
}

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
export interface DunningReceivableSettingsRequest {
  riskSegment?: 'low' | 'normal' | 'high' | null
  doNotDun?: boolean
  override?: DunningOverrideDto | null
}
export interface DunningOverrideDto {
  riskSegment?: 'low' | 'normal' | 'high'
  ladder?: string
  doNotDun?: boolean
  escalation?: {
    id: string
    daysOverdue: number
    moveToOverdue: boolean
    tasks: { title: string; hours: number }[]
    notifyHead: boolean
    openClaim: boolean
  }[]
}

/** GET /api/dunning/counterparties/:type/:id/settings: the counterparty's collection settings and the choices. */
export interface DunningCounterpartySettingsDto {
  /** false: the counterparty has no invoice in the ledger yet, so nothing can be set */
  inLedger: boolean
  segment: string | null
  riskSegment: 'low' | 'normal' | 'high' | null
  doNotDun: boolean
  timezone: string | null
  lang: 'ru' | 'en' | null
  override: DunningOverrideDto | null
  /** a chat joined by the one-time link (or set through the API); linkedOn: the day the link was used
   *  ('YYYY-MM-DD' in the portal's time zone), null for a chat set through the API */
  telegram: { linked: boolean; linkedOn: string | null }
  /** the ladders of the portal's rules, and the counterparty segments the rules narrow by */
  ladders: string[]
  segments: string[]
}
/** POST /api/dunning/counterparties/:type/:id/telegram-link: a one-time link (7 days) for the client to open. */
export interface CounterpartyTelegramLinkDto {
  url: string
  expiresAt: string
  /** the last day, dd.mm.yyyy in the portal's time zone */
  validUntil: string
}
