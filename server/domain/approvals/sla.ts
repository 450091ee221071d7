// The SLA ladder in working time: a step's clock runs only in the portal's working hours and
// stops while the request is paused (Frozen, Documents request). Moments are exact instants, so
// the caller can schedule a delayed job for each and re-check the state when it fires.
import {
  addWorkingMinutes,
  toInstant,
  workingMinutesBetween,
  type Instant,
  type WorkingCalendar,
} from '../calendar/index.ts'
import type { SlaPolicy, StepState, WorkingSpan } from './types.ts'

export type SlaActionKind = 'check' | 'remind' | 'escalate'
export interface SlaAction {
  kind: SlaActionKind
  at: Instant
}
export type SlaStatus = 'on-time' | 'reminded' | 'escalated'

/** A full working day of the calendar in minutes (working hours minus lunch). */
export function fullDayMinutes(cal: WorkingCalendar): number {
  const lunch = cal.lunch ? cal.lunch.end - cal.lunch.start : 0
  return cal.workEnd - cal.workStart - lunch
}

export function spanMinutes(cal: WorkingCalendar, span: WorkingSpan): number {
  return Math.round(span.days * fullDayMinutes(cal) + span.hours * 60)
}

/** Working minutes the step's clock has run by `now`. */
export function elapsedMinutes(cal: WorkingCalendar, step: StepState, now: Instant): number {
  return step.consumedMinutes + (step.resumedAt ? workingMinutesBetween(cal, step.resumedAt, now) : 0)
}

/** The instant the step's clock reaches `minutes` (null while the clock is stopped). */
export function momentAt(cal: WorkingCalendar, step: StepState, minutes: number): Instant | null {
  if (!step.resumedAt) return null
  return addWorkingMinutes(cal, step.resumedAt, Math.max(0, minutes - step.consumedMinutes))
}

function ladderRuns(step: StepState): boolean {
  return step.status === 'active' && step.resumedAt !== null && !(step.sla.untilTaken && step.takenAt !== null)
}

/** Every action of the ladder still ahead, earliest first. */
export function pendingSlaActions(cal: WorkingCalendar, step: StepState, policy: SlaPolicy = step.sla): SlaAction[] {
  if (!ladderRuns(step)) return []
  const out: SlaAction[] = []
  const remind = policy.remindAfter ? spanMinutes(cal, policy.remindAfter) : null
  const escalate = policy.escalateAfter ? spanMinutes(cal, policy.escalateAfter) : null
  if (remind !== null && !step.remindedAt) out.push({ kind: 'remind', at: momentAt(cal, step, remind)! })
  if (escalate !== null && !step.escalatedAt) out.push({ kind: 'escalate', at: momentAt(cal, step, escalate)! })
  const last = Math.max(remind ?? 0, escalate ?? 0)
  if (policy.checkEveryHours && policy.checkEveryHours > 0) {
    const next = (step.checks + 1) * policy.checkEveryHours * 60
    if (next <= last || last === 0) out.push({ kind: 'check', at: momentAt(cal, step, next)! })
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

/** The next moment anything is due (for one delayed job), or null. */
export function nextSlaMoment(cal: WorkingCalendar, step: StepState): Instant | null {
  return pendingSlaActions(cal, step)[0]?.at ?? null
}

/** The actions due at `now` (their moment has come). */
export function dueSlaActions(cal: WorkingCalendar, step: StepState, now: Instant): SlaAction[] {
  const t = Date.parse(now)
  return pendingSlaActions(cal, step).filter((a) => Date.parse(a.at) <= t)
}

export function slaStatusOf(step: StepState): SlaStatus {
  return step.escalatedAt ? 'escalated' : step.remindedAt ? 'reminded' : 'on-time'
}

/** Stops the clock: the minutes run so far are kept. */
export function pauseClock(cal: WorkingCalendar, step: StepState, now: Instant): StepState {
  if (!step.resumedAt) return step
  return {
    ...step,
    consumedMinutes: elapsedMinutes(cal, step, now),
    resumedAt: null,
    pausedAt: toInstant(Date.parse(now)),
  }
}

export function resumeClock(step: StepState, now: Instant): StepState {
  if (step.resumedAt || step.status !== 'active') return step
  return { ...step, resumedAt: toInstant(Date.parse(now)), pausedAt: null }
}
