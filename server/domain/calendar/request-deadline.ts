// The request cut-off rule (issue 8, accounting step): a request that arrives on a working day
// before the cut-off is due at the end of that day; at or after the cut-off, or on a day off, it
// is due at the end of the next working day. A shortened pre-holiday day ends early.
import type { Instant, InstantInput } from './instant.ts'
import { localDateOf, localMinutesOf, localTimeToMs, toEpochMs, toInstant } from './instant.ts'
import type { LocalDate } from './local-date.ts'
import type { WorkingCalendar } from './working-calendar.ts'
import { formatClock, parseClock } from './working-calendar.ts'
import { addWorkingDays, describeDay } from './working-days.ts'

export interface RequestDeadlineRule {
  /** 'HH:MM', default '13:00'. */
  cutoff?: string
  /** 'HH:MM', default the calendar's end of work. */
  endOfDay?: string
}

function endOfDayOn(cal: WorkingCalendar, date: LocalDate, endOfDay: number): number {
  const shortened = describeDay(cal, date).shortened ? cal.shortenedMinutes : 0
  return localTimeToMs(cal.timezone, date, endOfDay - shortened)
}

export function requestDeadline(cal: WorkingCalendar, instant: InstantInput, rule: RequestDeadlineRule = {}): Instant {
  const cutoff = parseClock(rule.cutoff ?? '13:00')
  const endOfDay = parseClock(rule.endOfDay ?? formatClock(cal.workEnd))
  const t = toEpochMs(instant)
  const today = localDateOf(cal.timezone, t)
  const morning = describeDay(cal, today).working && localMinutesOf(cal.timezone, t) < cutoff
  const due = morning ? today : addWorkingDays(cal, today, 1)
  return toInstant(endOfDayOn(cal, due, endOfDay))
}
