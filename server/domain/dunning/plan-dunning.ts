// The planner: for one receivable on one day, where every reminder and escalation step falls, what
// happened, what is due now, and what blocks the rest (paid, do not dun, pause, promise to pay).
import {
  addDays,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  type LocalDate,
  type WorkingCalendar,
} from '../calendar/index.ts'
import { selectRule } from './select-rule.ts'
import { offsetDate } from './step-date.ts'
import { planTaskSteps, type PlannedTaskStep } from './plan-task-steps.ts'
import type {
  Channel,
  DunningRules,
  EscalationStep,
  LadderStep,
  ReceivableDunning,
  RiskSegment,
  SendWindow,
} from './types.ts'

export type StepStatus = 'done' | 'skipped' | 'due' | 'waiting' | 'missed' | 'paused' | 'stopped' | 'no-anchor'
export type Block = 'paid' | 'do-not-dun' | 'paused' | 'promise'
export type PromiseStatus = 'pending' | 'kept' | 'broken'

/** When a step falls, for its name in words: an offset from an anchor, or the n-th repeat of the tail. */
export type StepWhen =
  | { anchor: LadderStep['anchor']; offset: number; unit: LadderStep['unit'] }
  | { repeat: number; of: number; everyDays: number; unit: LadderStep['unit'] }

export interface PlannedReminder {
  key: string
  stepId: string
  when?: StepWhen
  date: LocalDate | null
  channels: Channel[]
  template: string
  status: StepStatus
  doneOn: LocalDate | null
}
export interface PlannedEscalation {
  key: string
  step: EscalationStep
  date: LocalDate
  status: StepStatus
  doneOn: LocalDate | null
  reason: 'timer' | 'broken-promise'
}

export interface DunningPlan {
  ruleId: string
  ladderId: string
  riskSegment: RiskSegment
  window: SendWindow
  reminders: PlannedReminder[]
  escalations: PlannedEscalation[]
  dueReminder: PlannedReminder | null
  dueEscalations: PlannedEscalation[]
  /** The ladder's task steps (tasks for people at any offset from the due day). */
  tasks: PlannedTaskStep[]
  dueTasks: PlannedTaskStep[]
  block: Block | null
  promise: PromiseStatus | null
  nextReminderDate: LocalDate | null
}

export const reminderKey = (stepId: string) => `r.${stepId}`
export const escalationKey = (stepId: string) => `e.${stepId}`

export function promiseStatus(r: ReceivableDunning, today: LocalDate): PromiseStatus | null {
  if (!r.promise) return null
  if (r.promise.remainingAtRecord - r.remaining >= r.promise.amount || r.remaining <= 0) return 'kept'
  return today > r.promise.date ? 'broken' : 'pending'
}

function blockOf(
  r: ReceivableDunning,
  doNotDun: boolean,
  promise: PromiseStatus | null,
  today: LocalDate,
): Block | null {
  if (r.remaining <= 0) return 'paid'
  if (doNotDun) return 'do-not-dun'
  if (r.pause && today <= r.pause.until) return 'paused'
  if (promise === 'pending') return 'promise'
  return null
}

export function planDunning(
  r: ReceivableDunning,
  rules: DunningRules,
  cal: WorkingCalendar,
  today: LocalDate,
): DunningPlan {
  const applied = selectRule(rules, r)
  const { ladder } = applied
  const promise = promiseStatus(r, today)
  const block = blockOf(r, applied.doNotDun, promise, today)
  const workingToday = isWorkingDay(cal, today)

  // 1. reminder dates
  const reminders: PlannedReminder[] = []
  let prev: LocalDate | null = null
  for (const s of ladder.steps) {
    const anchor: LocalDate | null =
      s.anchor === 'invoice'
        ? r.invoiceDate
        : s.anchor === 'due'
          ? r.dueDate
          : s.anchor === 'previous'
            ? (prev ?? r.dueDate)
            : r.claimSentOn
    const date: LocalDate | null = anchor === null ? null : offsetDate(cal, anchor, s.offset, s.unit, s.dayOff)
    if (date) prev = date
    reminders.push({
      key: reminderKey(s.id),
      stepId: s.id,
      when: { anchor: s.anchor, offset: s.offset, unit: s.unit },
      date,
      channels: s.channels,
      template: s.template,
      status: 'waiting',
      doneOn: null,
    })
  }
  if (ladder.tail && prev) {
    let d: LocalDate = prev
    for (let n = 1; n <= ladder.tail.maxRepeats; n++) {
      d = offsetDate(cal, d, ladder.tail.everyDays, ladder.tail.unit, 'next')
      reminders.push({
        key: reminderKey(`tail-${n}`),
        stepId: `tail-${n}`,
        when: { repeat: n, of: ladder.tail.maxRepeats, everyDays: ladder.tail.everyDays, unit: ladder.tail.unit },
        date: d,
        channels: ladder.tail.channels,
        template: ladder.tail.template,
        status: 'waiting',
        doneOn: null,
      })
    }
  }
  // 2. reminder statuses: only the latest unsent step up to today may go (catch-up, never a flood)
  const keepOnDayOff = new Set(ladder.steps.filter((s) => s.dayOff === 'keep').map((s) => reminderKey(s.id)))
  let lastDoneIndex = -1
  reminders.forEach((p, i) => {
    const d = r.done[p.key]
    if (d) {
      p.status = d.status === 'sent' ? 'done' : 'skipped'
      p.doneOn = d.on
      lastDoneIndex = i
    }
  })
  let latestCandidate = -1
  reminders.forEach((p, i) => {
    if (p.doneOn) return
    if (p.date === null) {
      p.status = 'no-anchor'
      return
    }
    if (block) {
      p.status = block === 'paid' ? 'stopped' : p.date <= today ? 'missed' : 'paused'
      return
    }
    if (p.date > today) return
    p.status = 'missed'
    if (i > lastDoneIndex) latestCandidate = i
  })
  let dueReminder: PlannedReminder | null = null
  if (latestCandidate >= 0) {
    const c = reminders[latestCandidate]
    const fresh = c.date! >= addDays(today, -rules.catchUpDays)
    if (fresh && (workingToday || keepOnDayOff.has(c.key))) {
      c.status = 'due'
      dueReminder = c
    } else if (fresh) c.status = 'waiting'
  }
  // 3. escalations: every step once, in order; a broken promise brings the next one forward at once
  const brokenNow =
    promise === 'broken' &&
    !block &&
    !Object.entries(r.done).some(([k, v]) => k.startsWith('e.') && v.on > r.promise!.date)
  let forwarded = false
  const escalations: PlannedEscalation[] = applied.escalation.map((s) => {
    const key = escalationKey(s.id)
    const date = nextWorkingDayOnOrAfter(cal, addDays(r.dueDate, s.daysOverdue))
    const d = r.done[key]
    const e: PlannedEscalation = { key, step: s, date, status: 'waiting', doneOn: d?.on ?? null, reason: 'timer' }
    if (d) e.status = d.status === 'sent' ? 'done' : 'skipped'
    else if (block) e.status = block === 'paid' ? 'stopped' : 'paused'
    else if (date <= today) e.status = workingToday ? 'due' : 'waiting'
    else if (brokenNow && !forwarded && workingToday) {
      e.status = 'due'
      e.reason = 'broken-promise'
      forwarded = true
    }
    if (e.status === 'due' && e.reason === 'timer') forwarded = true
    return e
  })
  const tasks = planTaskSteps(r, ladder.tasks ?? [], cal, today, rules.catchUpDays, block)
  const next = reminders.find(
    (p) => p.status === 'due' || (p.status === 'waiting' && p.date !== null && p.date >= today),
  )
  return {
    ruleId: applied.rule.id,
    ladderId: ladder.id,
    riskSegment: applied.riskSegment,
    window: ladder.window,
    reminders,
    escalations,
    dueReminder,
    dueEscalations: escalations.filter((e) => e.status === 'due'),
    tasks,
    dueTasks: tasks.filter((t) => t.status === 'due'),
    block,
    promise,
    nextReminderDate: block ? null : (next?.date ?? null),
  }
}

/** Calendar days past the effective due date (0 when not yet due). */
export function daysOverdueOf(dueDate: LocalDate, today: LocalDate): number {
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000))
}
