// Due dates under art. 193 of the Civil Code: a due date on a day off moves to the next working day;
// the debt is overdue from the day after that. `today` is the portal's local date (a parameter).
import { nextWorkingDayOnOrAfter, type LocalDate, type WorkingCalendar } from '../calendar/index.ts'

export function effectiveDueDate(cal: WorkingCalendar, dueDate: LocalDate): LocalDate {
  return nextWorkingDayOnOrAfter(cal, dueDate)
}

const dayNumber = (d: LocalDate) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from)
}

/** Calendar days past the effective due date; 0 when not overdue or nothing remains. */
export function daysOverdue(effectiveDue: LocalDate, today: LocalDate, remaining: number): number {
  if (remaining <= 0) return 0
  return Math.max(daysBetween(effectiveDue, today), 0)
}

export function isOverdue(effectiveDue: LocalDate, today: LocalDate, remaining: number): boolean {
  return remaining > 0 && today > effectiveDue
}
