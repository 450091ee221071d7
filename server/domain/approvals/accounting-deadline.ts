// The accounting task's deadline: the request's own deadline when given (end of that day, moved
// back to the last working day when it falls on a day off); otherwise the cut-off rule.
import { localTimeToMs } from '../calendar/instant.ts'
import { parseClock, formatClock } from '../calendar/working-calendar.ts'
import {
  describeDay,
  previousWorkingDayOnOrBefore,
  requestDeadline,
  toInstant,
  type Instant,
  type InstantInput,
  type LocalDate,
  type RequestDeadlineRule,
  type WorkingCalendar,
} from '../calendar/index.ts'

export function accountingDeadline(
  cal: WorkingCalendar,
  arrivedAt: InstantInput,
  requestedDay: LocalDate | null,
  rule: RequestDeadlineRule = {},
): Instant {
  if (!requestedDay) return requestDeadline(cal, arrivedAt, rule)
  const day = previousWorkingDayOnOrBefore(cal, requestedDay)
  const end =
    parseClock(rule.endOfDay ?? formatClock(cal.workEnd)) - (describeDay(cal, day).shortened ? cal.shortenedMinutes : 0)
  return toInstant(localTimeToMs(cal.timezone, day, end))
}
