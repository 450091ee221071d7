// The shape of GET/PUT /api/dunning/settings as the admin page edits it. The server returns its domain
// DunningRules; placement-ui may import only contracts/, so the edited subset is mirrored here.
export type DunningAnchor = 'invoice' | 'due' | 'previous' | 'claim-sent'
export type DunningUnit = 'working' | 'calendar'
export type DunningDayOff = 'next' | 'previous' | 'keep'
export type DunningChannel = 'email' | 'telegram' | 'notify' | 'openline' | 'call'

export interface LadderStepForm {
  id: string
  anchor: DunningAnchor
  offset: number
  unit: DunningUnit
  dayOff: DunningDayOff
  channels: DunningChannel[]
  template: string
}
export type TaskAssigneeForm = 'responsible' | 'head-of-sales' | 'lawyer'
/** A task for a person at an offset in working days from the due day (negative = before it). */
export interface TaskStepForm {
  id: string
  offset: number
  assignee: TaskAssigneeForm
  template: string
  deadlineDays: number
}
export interface LadderForm {
  id: string
  steps: LadderStepForm[]
  tasks?: TaskStepForm[]
  tail: {
    everyDays: number
    unit: DunningUnit
    maxRepeats: number
    channels: DunningChannel[]
    template: string
  } | null
  window: { from: string; to: string }
}
export type RiskSegmentForm = 'low' | 'normal' | 'high'
export interface EscalationTaskForm {
  title: string
  hours: number
}
export interface EscalationStepForm {
  id: string
  daysOverdue: number
  moveToOverdue: boolean
  tasks: EscalationTaskForm[]
  notifyHead: boolean
  openClaim: boolean
}
export interface SegmentRuleForm {
  id: string
  riskSegment: RiskSegmentForm
  legalEntity?: string
  counterpartySegment?: string
  /** Kopecks. */
  minDebt?: number
  ladder: string
  escalation: EscalationStepForm[]
}
export interface DunningRulesForm {
  ladders: LadderForm[]
  templates: Record<string, Partial<Record<'ru' | 'en', { subject: string; body: string }>>>
  rules: SegmentRuleForm[]
  headOfSalesId: number | null
  lawyerId: number | null
  legalNotifyIds: number[]
  paymentDetails: string
  catchUpDays: number
  incomingTask?: boolean
  /** a "call" step: the manager's call task or the portal's callback */
  callMode?: 'task' | 'callback'
  /** Anything newer the server adds travels back unchanged. */
  [rest: string]: unknown
}

/** A new step id that is not used in the ladder (ids are part of effect keys and never reused). */
export function newStepId(ladder: LadderForm, now: number): string {
  const used = new Set(ladder.steps.map((s) => s.id))
  let id = `s${now.toString(36)}`
  for (let i = 1; used.has(id); i++) id = `s${now.toString(36)}-${i}`
  return id
}

/** A new id (rules, escalation steps) not in `used`: lower-case, as the server requires. */
export function newId(prefix: string, used: Iterable<string>, now: number): string {
  const taken = new Set(used)
  let id = `${prefix}${now.toString(36)}`
  for (let i = 1; taken.has(id); i++) id = `${prefix}${now.toString(36)}-${i}`
  return id
}
