// Task steps of a ladder: where each falls (working days from the effective due day, before or after
// it), and whether it is due today, done, waiting, paused (the invoice is paused, promised or not to be
// dunned) or stopped (paid). A missed step is still set within the catch-up days; never on a day off.
import { addWorkingDays, isWorkingDay, addDays, type LocalDate, type WorkingCalendar } from '../calendar/index.ts'
import type { LadderTaskStep, ReceivableDunning } from './types.ts'

export type TaskStepStatus = 'done' | 'skipped' | 'due' | 'waiting' | 'missed' | 'paused' | 'stopped'

export interface PlannedTaskStep {
  key: string
  step: LadderTaskStep
  date: LocalDate
  status: TaskStepStatus
  doneOn: LocalDate | null
}

export const taskStepKey = (stepId: string) => `t.${stepId}`

/** The day a task step falls on: a working day, before the due day for a negative offset. */
export function taskStepDate(cal: WorkingCalendar, dueDate: LocalDate, offset: number): LocalDate {
  return addWorkingDays(cal, dueDate, offset, offset < 0 ? 'previous' : 'next')
}

export function planTaskSteps(
  r: ReceivableDunning,
  steps: readonly LadderTaskStep[],
  cal: WorkingCalendar,
  today: LocalDate,
  catchUpDays: number,
  block: 'paid' | 'do-not-dun' | 'paused' | 'promise' | null,
): PlannedTaskStep[] {
  const workingToday = isWorkingDay(cal, today)
  return steps.map((step) => {
    const key = taskStepKey(step.id)
    const date = taskStepDate(cal, r.dueDate, step.offset)
    const d = r.done[key]
    const p: PlannedTaskStep = { key, step, date, status: 'waiting', doneOn: d?.on ?? null }
    if (d) p.status = d.status === 'sent' ? 'done' : 'skipped'
    else if (block === 'paid') p.status = 'stopped'
    else if (block) p.status = date <= today ? 'paused' : 'waiting'
    else if (date > today) p.status = 'waiting'
    else if (date < addDays(today, -catchUpDays)) p.status = 'missed'
    else p.status = workingToday ? 'due' : 'waiting'
    return p
  })
}
