// The approval route as data: the same machinery runs payment requests and contracts.
import type { Instant } from '../calendar/index.ts'

export type PipelineKey = 'payments' | 'contracts'

/** Who holds a step: the initiator's department head, or a configured role. */
export type StepRole = 'department-head' | 'cfo' | 'finance-manager' | 'lawyer' | 'signatory' | 'chief-accountant'

export type RoleKey =
  'financeManager' | 'operationsManager' | 'chiefAccountant' | 'juniorAccountant' | 'cfo' | 'lawyer' | 'signatory'

/** A working-time span: days count whole working days of the calendar's full length. */
export interface WorkingSpan {
  days: number
  hours: number
}

/** The SLA ladder of a step, measured in working time from the step's start (pauses excluded). */
export interface SlaPolicy {
  /** Check whether the approver took the request into work every N working hours (null: no checks). */
  checkEveryHours: number | null
  /** Remind the approver (null: never). */
  remindAfter: WorkingSpan | null
  /** Notify the operations manager, who may then approve instead (null: never). */
  escalateAfter: WorkingSpan | null
  /** The ladder stops once the approver took the request into work (else only a decision stops it). */
  untilTaken: boolean
}

/** A condition on the request that adds a step (e.g. above a threshold the CFO approves too). */
export interface StepCondition {
  /** The step applies when the amount is at least this many kopecks. */
  minAmount?: number
  /** ...or when the cost item is one of these (xmlId). */
  costItems?: string[]
}

export interface StepDefinition {
  /** Stable id of the step inside its route. */
  id: string
  /** The pipeline stage (our code) the request sits in during this step. */
  stage: string
  role: StepRole
  kind: 'approval' | 'accounting'
  sla: SlaPolicy
  /** Without a condition the step always applies; with one it applies when any part matches. */
  when?: StepCondition
}

export interface RouteDefinition {
  pipeline: PipelineKey
  steps: StepDefinition[]
  /** Stages that pause the SLA clock while the request sits there. */
  pauseStages: string[]
  /** The stage of a finished route and of a rejected one. */
  doneStage: string
  rejectedStage: string
}

/** What the engine knows about a request (read from the portal item). */
export interface RequestFacts {
  initiatorId: number
  amount: number | null
  costItem: string | null
  paymentDeadline: string | null
}

export type StepStatus = 'waiting' | 'active' | 'approved' | 'rejected' | 'skipped'

export interface StepState {
  id: string
  stage: string
  role: StepRole
  kind: 'approval' | 'accounting'
  sla: SlaPolicy
  assigneeId: number | null
  status: StepStatus
  /** The initiator is the head: approval is offered right in the card. */
  selfApproval: boolean
  startedAt: Instant | null
  takenAt: Instant | null
  checks: number
  remindedAt: Instant | null
  escalatedAt: Instant | null
  /** Working minutes consumed before the current run of the clock. */
  consumedMinutes: number
  /** The clock's current run started here (null while paused or not started). */
  resumedAt: Instant | null
  pausedAt: Instant | null
  pauseReason: string | null
  decidedAt: Instant | null
  decidedBy: number | null
  /** Decided by the operations manager instead of the assignee. */
  substitute: boolean
  reason: string | null
}

export type ApprovalStatus = 'in-progress' | 'rejected' | 'done'

export interface AccountingState {
  mainTaskId: number | null
  subTaskId: number | null
  mainDone: boolean
  subDone: boolean
  deadline: Instant | null
}

export interface ApprovalState {
  pipeline: PipelineKey
  round: number
  status: ApprovalStatus
  facts: RequestFacts
  steps: StepState[]
  accounting: AccountingState
  paused: boolean
}

/** What happened, for the portal side (stage moves, notifications, tasks, timers). */
export type ApprovalEvent =
  | { type: 'step-started'; step: number }
  | { type: 'step-approved'; step: number; by: number; substitute: boolean }
  | { type: 'rejected'; step: number; by: number; reason: string; substitute: boolean }
  | { type: 'sla-checked'; step: number; at: Instant }
  | { type: 'reminded'; step: number }
  | { type: 'escalated'; step: number }
  | { type: 'paused'; step: number; reason: string }
  | { type: 'resumed'; step: number }
  | { type: 'accounting-started'; deadline: Instant }
  | { type: 'completed' }
