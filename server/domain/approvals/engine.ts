// The route engine: pure transitions of an approval's state. Each returns the new state and the
// events the portal side turns into stage moves, notifications, tasks and timers.
import { toInstant, type Instant, type RequestDeadlineRule, type WorkingCalendar } from '../calendar/index.ts'
import { ApprovalError } from './approval-error.ts'
import { accountingDeadline } from './accounting-deadline.ts'
import { conditionHolds } from './routes.ts'
import { dueSlaActions, elapsedMinutes, pauseClock, resumeClock } from './sla.ts'
import type { ApprovalEvent, ApprovalState, RequestFacts, RouteDefinition, StepState } from './types.ts'

export interface EngineEnv {
  cal: WorkingCalendar
  now: Instant
  deadlineRule?: RequestDeadlineRule
}
export interface Transition {
  state: ApprovalState
  events: ApprovalEvent[]
}

export interface StepAssignment {
  assigneeId: number | null
  selfApproval?: boolean
}

export function currentStepIndex(s: ApprovalState): number {
  return s.steps.findIndex((x) => x.status === 'active')
}

function newStep(d: RouteDefinition['steps'][number], a: StepAssignment | undefined): StepState {
  return {
    id: d.id,
    stage: d.stage,
    role: d.role,
    kind: d.kind,
    sla: d.sla,
    assigneeId: a?.assigneeId ?? null,
    status: 'waiting',
    selfApproval: a?.selfApproval ?? false,
    startedAt: null,
    takenAt: null,
    checks: 0,
    remindedAt: null,
    escalatedAt: null,
    consumedMinutes: 0,
    resumedAt: null,
    pausedAt: null,
    pauseReason: null,
    decidedAt: null,
    decidedBy: null,
    substitute: false,
    reason: null,
  }
}

/** Starts (or restarts after a rejection) the route: the steps whose conditions hold, the first one active. */
export function startRoute(
  def: RouteDefinition,
  facts: RequestFacts,
  assign: Record<string, StepAssignment>,
  env: EngineEnv,
  previous: ApprovalState | null,
): Transition {
  const steps = def.steps
    .filter((d) => conditionHolds(d.when, facts.amount, facts.costItem))
    .map((d) => newStep(d, assign[d.id]))
  const state: ApprovalState = {
    pipeline: def.pipeline,
    round: (previous?.round ?? 0) + 1,
    status: 'in-progress',
    facts,
    steps,
    paused: false,
    accounting: { mainTaskId: null, subTaskId: null, mainDone: false, subDone: false, deadline: null },
  }
  return activate(state, 0, env, [])
}

function activate(state: ApprovalState, i: number, env: EngineEnv, events: ApprovalEvent[]): Transition {
  if (i >= state.steps.length)
    return { state: { ...state, status: 'done' }, events: [...events, { type: 'completed' }] }
  const now = toInstant(Date.parse(env.now))
  const steps = state.steps.map((s, k) =>
    k === i ? { ...s, status: 'active' as const, startedAt: now, resumedAt: now } : s,
  )
  const next: ApprovalState = { ...state, steps }
  if (steps[i].kind === 'accounting') {
    const deadline = accountingDeadline(env.cal, now, state.facts.paymentDeadline, env.deadlineRule)
    return {
      state: { ...next, accounting: { ...next.accounting, deadline } },
      events: [...events, { type: 'step-started', step: i }, { type: 'accounting-started', deadline }],
    }
  }
  return { state: next, events: [...events, { type: 'step-started', step: i }] }
}

function active(s: ApprovalState, stepIndex?: number): number {
  if (s.status !== 'in-progress') throw new ApprovalError('approval.not-in-progress', 'The request is not in approval')
  const i = currentStepIndex(s)
  if (stepIndex !== undefined && stepIndex !== i)
    throw new ApprovalError('approval.stale-step', 'This step has already been decided', {
      current: i,
      given: stepIndex,
    })
  return i
}

const patch = (s: ApprovalState, i: number, p: Partial<StepState>): ApprovalState => ({
  ...s,
  steps: s.steps.map((x, k) => (k === i ? { ...x, ...p } : x)),
})

export interface Decision {
  stepIndex: number
  decision: 'approve' | 'reject'
  actorId: number
  /** The actor is the operations manager (may decide instead of the assignee). */
  actorIsOperationsManager: boolean
  reason?: string | null
}

/** May this user decide the current step? (the assignee, or the operations manager as substitute) */
export function canDecide(s: ApprovalState, userId: number, isOperationsManager: boolean): boolean {
  const i = currentStepIndex(s)
  if (s.status !== 'in-progress' || i < 0 || s.steps[i].kind !== 'approval') return false
  return s.steps[i].assigneeId === userId || isOperationsManager
}

export function decide(s: ApprovalState, d: Decision, env: EngineEnv): Transition {
  const i = active(s, d.stepIndex)
  const step = s.steps[i]
  if (step.kind !== 'approval')
    throw new ApprovalError('approval.not-your-step', 'The accounting step completes with its tasks')
  if (s.paused)
    throw new ApprovalError(
      'approval.paused',
      'The request is paused (Frozen or Documents request); move it back to decide',
    )
  const own = step.assigneeId === d.actorId
  if (!own && !d.actorIsOperationsManager)
    throw new ApprovalError(
      'approval.not-your-step',
      'Only the current approver or the operations manager can decide this step',
    )
  const substitute = !own
  const now = toInstant(Date.parse(env.now))
  const reason = d.reason?.trim() ?? ''
  if (d.decision === 'reject') {
    if (!reason) throw new ApprovalError('approval.reason-required', 'A rejection needs a reason')
    const stopped = { consumedMinutes: elapsedMinutes(env.cal, step, now), resumedAt: null }
    const state = {
      ...patch(s, i, { status: 'rejected', decidedAt: now, decidedBy: d.actorId, substitute, reason, ...stopped }),
      status: 'rejected' as const,
    }
    return { state, events: [{ type: 'rejected', step: i, by: d.actorId, reason, substitute }] }
  }
  const approved = patch(s, i, {
    status: 'approved',
    decidedAt: now,
    decidedBy: d.actorId,
    substitute,
    reason: reason || null,
    consumedMinutes: elapsedMinutes(env.cal, step, now),
    resumedAt: null,
  })
  return activate(approved, i + 1, env, [{ type: 'step-approved', step: i, by: d.actorId, substitute }])
}

/** The approver took the request into work: the "taken" ladder stops. */
export function takeIntoWork(s: ApprovalState, actorId: number, env: EngineEnv): Transition {
  const i = active(s)
  if (s.steps[i].assigneeId !== actorId || s.steps[i].takenAt) return { state: s, events: [] }
  return { state: patch(s, i, { takenAt: toInstant(Date.parse(env.now)) }), events: [] }
}

/** Applies every SLA action whose moment has come (checks, reminder, escalation). */
export function tickSla(s: ApprovalState, env: EngineEnv): Transition {
  const i = s.status === 'in-progress' && !s.paused ? currentStepIndex(s) : -1
  if (i < 0) return { state: s, events: [] }
  let state = s
  const events: ApprovalEvent[] = []
  for (let guard = 0; guard < 1000; guard++) {
    const [a] = dueSlaActions(env.cal, state.steps[i], env.now)
    if (!a) break
    if (a.kind === 'check') {
      state = patch(state, i, { checks: state.steps[i].checks + 1 })
      events.push({ type: 'sla-checked', step: i, at: a.at })
    }
    if (a.kind === 'remind') {
      state = patch(state, i, { remindedAt: a.at })
      events.push({ type: 'reminded', step: i })
    }
    if (a.kind === 'escalate') {
      state = patch(state, i, { escalatedAt: a.at })
      events.push({ type: 'escalated', step: i })
    }
  }
  return { state, events }
}

export function pauseRoute(s: ApprovalState, reason: string, env: EngineEnv): Transition {
  const i = s.status === 'in-progress' ? currentStepIndex(s) : -1
  if (i < 0 || s.paused) return { state: s, events: [] }
  const why = reason.trim() || '—'
  const step = { ...pauseClock(env.cal, s.steps[i], env.now), pauseReason: why }
  return { state: { ...patch(s, i, step), paused: true }, events: [{ type: 'paused', step: i, reason: why }] }
}

export function resumeRoute(s: ApprovalState, env: EngineEnv): Transition {
  const i = s.status === 'in-progress' ? currentStepIndex(s) : -1
  if (i < 0 || !s.paused) return { state: s, events: [] }
  return {
    state: { ...patch(s, i, resumeClock(s.steps[i], env.now)), paused: false },
    events: [{ type: 'resumed', step: i }],
  }
}

export interface AccountingProgress {
  mainTaskId?: number
  subTaskId?: number
  mainDone?: boolean
  subDone?: boolean
  paymentOrderAttached: boolean
}

/** Records the accounting tasks; both done and the payment order attached -> the route is done (Paid). */
export function progressAccounting(s: ApprovalState, p: AccountingProgress, env: EngineEnv): Transition {
  const i = s.status === 'in-progress' ? currentStepIndex(s) : -1
  if (i < 0 || s.steps[i].kind !== 'accounting') return { state: s, events: [] }
  const a = s.accounting
  const accounting = {
    ...a,
    mainTaskId: p.mainTaskId ?? a.mainTaskId,
    subTaskId: p.subTaskId ?? a.subTaskId,
    mainDone: p.mainDone ?? a.mainDone,
    subDone: p.subDone ?? a.subDone,
  }
  const state = { ...s, accounting }
  if (!(accounting.mainDone && accounting.subDone && p.paymentOrderAttached)) return { state, events: [] }
  const now = toInstant(Date.parse(env.now))
  return activate(
    patch(state, i, {
      status: 'approved',
      decidedAt: now,
      consumedMinutes: elapsedMinutes(env.cal, s.steps[i], now),
      resumedAt: null,
    }),
    i + 1,
    env,
    [],
  )
}
