// The dunning rules as data: reminder ladders, escalation timers, segment rules and templates.
import type { LocalDate } from '../calendar/index.ts'

export type Anchor = 'invoice' | 'due' | 'previous' | 'claim-sent'
export type OffsetUnit = 'working' | 'calendar'
/** What to do when a step lands on a day off: move to the next / previous working day, or keep it. */
export type DayOffRule = 'next' | 'previous' | 'keep'
/** openline: a message to the client's chat through the portal's open lines (WhatsApp and others connected there);
 * call: a call task for the responsible manager. */
export type Channel = 'email' | 'telegram' | 'notify' | 'openline' | 'call'
export type RiskSegment = 'low' | 'normal' | 'high'
export type Lang = 'ru' | 'en'
export const RISK_SEGMENTS: readonly RiskSegment[] = ['low', 'normal', 'high']
export const CHANNELS: readonly Channel[] = ['email', 'telegram', 'notify', 'openline', 'call']
/** How a "call" step reaches the manager: a call task, or the portal's callback (the task where it cannot). */
export type CallMode = 'task' | 'callback'
export const CALL_MODES: readonly CallMode[] = ['task', 'callback']

export interface LadderStep {
  /** Stable id; part of the effect key, never reused for another step. */
  id: string
  anchor: Anchor
  /** Negative = before the anchor. */
  offset: number
  unit: OffsetUnit
  dayOff: DayOffRule
  channels: Channel[]
  template: string
}

/** 'HH:MM'-'HH:MM' in the debtor's local time. */
export interface SendWindow {
  from: string
  to: string
}

export interface LadderTail {
  everyDays: number
  unit: OffsetUnit
  maxRepeats: number
  channels: Channel[]
  template: string
}

/** Who gets a task step's task: the invoice's responsible employee, or a role of the dunning settings. */
export type TaskAssignee = 'responsible' | 'head-of-sales' | 'lawyer'
export const TASK_ASSIGNEES: readonly TaskAssignee[] = ['responsible', 'head-of-sales', 'lawyer']
/** At most this many working days before or after the due day (about a year of working days). */
export const MAX_TASK_OFFSET = 250

/** A task for a person at any offset from the due day (e.g. -5: check that the client has the invoice). */
export interface LadderTaskStep {
  /** Stable id; part of the effect key (t.<id>), never reused for another step. */
  id: string
  /** Working days from the effective due day; negative = before it. */
  offset: number
  assignee: TaskAssignee
  /** Template id: its subject is the task's title, its body the description (ru/en). */
  template: string
  /** The deadline: the end of the working day this many working days after the task is set (0 = that day). */
  deadlineDays: number
}

export interface Ladder {
  id: string
  steps: LadderStep[]
  /** Task steps (none when absent). */
  tasks?: LadderTaskStep[]
  /** Repeats after the last step, every N days, up to maxRepeats times. */
  tail: LadderTail | null
  window: SendWindow
}

export interface EscalationTask {
  title: string
  /** deadline in working hours from creation */ hours: number
}

export interface EscalationStep {
  id: string
  /** Calendar days after the effective due date (moved to the next working day). */
  daysOverdue: number
  moveToOverdue: boolean
  tasks: EscalationTask[]
  notifyHead: boolean
  /** The last step: a Claim Work item in "Debt recovery". */
  openClaim: boolean
}

export interface SegmentRule {
  id: string
  riskSegment: RiskSegment
  /** Narrowing: only for this legal entity of ours / counterparty segment / debt at least minDebt kopecks. */
  legalEntity?: string
  counterpartySegment?: string
  minDebt?: number
  ladder: string
  escalation: EscalationStep[]
}

export interface Template {
  subject: string
  body: string
}

export interface DunningRules {
  ladders: Ladder[]
  /** Tried most specific first (see selectRule). */
  rules: SegmentRule[]
  /** template id -> language -> text. 'consolidated' is used when several invoices go in one message. */
  templates: Record<string, Partial<Record<Lang, Template>>>
  headOfSalesId: number | null
  lawyerId: number | null
  legalNotifyIds: number[]
  paymentDetails: string
  /** How many days late a missed reminder may still go out (only the latest one). */
  catchUpDays: number
  /** An incoming e-mail or open-line message from a debtor gives its manager a task (one a day). */
  incomingTask: boolean
  /** A "call" step: a call task for the manager, or the portal's callback (the task where the portal lacks it). */
  callMode: CallMode
}

/** Per counterparty or per receivable; receivable wins over counterparty, both over the rule. */
export interface DunningOverride {
  riskSegment?: RiskSegment
  ladder?: string
  escalation?: EscalationStep[]
  doNotDun?: boolean
}

export interface Promise2Pay {
  date: LocalDate
  amount: number
  recordedOn: LocalDate
  remainingAtRecord: number
}
export interface Pause {
  until: LocalDate
  reason: string
}

/** What the planner knows about one receivable. */
export interface ReceivableDunning {
  receivableId: number
  invoiceDate: LocalDate
  /** Effective due date (art. 193 already applied). */
  dueDate: LocalDate
  amount: number
  remaining: number
  riskSegment: RiskSegment
  counterpartySegment: string | null
  legalEntity: string | null
  /** The total open debt of the counterparty (for minDebt). */
  counterpartyDebt: number
  doNotDun: boolean
  pause: Pause | null
  promise: Promise2Pay | null
  claimSentOn: LocalDate | null
  counterpartyOverride: DunningOverride | null
  receivableOverride: DunningOverride | null
  /** step key -> what happened ('sent' | 'skipped' | 'failed') and when. */
  done: Record<string, { on: LocalDate; status: 'sent' | 'skipped' }>
}
