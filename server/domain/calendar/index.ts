// Public API of the working calendar. Days are LocalDate ('YYYY-MM-DD' in the portal's zone);
// instants are UTC ISO strings (input may also be epoch ms or an ISO string with an offset).
export { CalendarError } from './calendar-error.ts'
export type { CalendarErrorCode } from './calendar-error.ts'
export type { LocalDate } from './local-date.ts'
export { addDays, isoWeekday } from './local-date.ts'
export type { Instant, InstantInput } from './instant.ts'
export { localDateOf, toEpochMs, toInstant } from './instant.ts'
export type { WorkingCalendar, WorkingCalendarSettings } from './working-calendar.ts'
export { createWorkingCalendar } from './working-calendar.ts'
export type { ProductionDay } from './production-calendar.ts'
export { productionDay } from './production-calendar.ts'
export type { DayInfo, DayReason, ZeroOnDayOff } from './working-days.ts'
export {
  addWorkingDays, assumedYears, countWorkingDays, describeDay, describeDays, isWorkingDay,
  listWorkingDays, nextWorkingDayOnOrAfter, previousWorkingDayOnOrBefore,
} from './working-days.ts'
export type { WorkingHours } from './working-hours.ts'
export {
  addWorkingHours, addWorkingMinutes, endOfWorkingDay, isWithinWorkingTime, nextWorkingMoment,
  workingHoursOf, workingIntervalsOf, workingMinutesBetween,
} from './working-hours.ts'
export type { RequestDeadlineRule } from './request-deadline.ts'
export { requestDeadline } from './request-deadline.ts'
export { calendarYearsPresent, missingCalendarYears } from './calendar-years.ts'
