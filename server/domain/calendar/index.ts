// Public API of the working calendar. Days are LocalDate ('YYYY-MM-DD' in the portal's zone);
// instants are UTC ISO strings (input may also be epoch ms or an ISO string with an offset).
export { CalendarError } from './calendar-error.ts'
export type { CalendarErrorCode } from './calendar-error.ts'
export type { LocalDate } from './local-date.ts'
export { addDays, isoWeekday } from './local-date.ts'
export type { Instant, InstantInput } from './instant.ts'
export { localDateOf, toEpochMs, toInstant, toPortalDateTime } from './instant.ts'
export type { WorkingCalendar, WorkingCalendarSettings } from './working-calendar.ts'
export { createWorkingCalendar } from './working-calendar.ts'
export type { ProductionDay, ExtraYears } from './production-calendar.ts'
export type { ProductionYear } from './ru-production-calendar.ts'
export { art112Day, isArt112Holiday } from './art-112.ts'
export type { DayTransfer } from './official-year.ts'
export { parseXmlCalendar, yearFromTransfers } from './official-year.ts'
export { productionDay } from './production-calendar.ts'
export type { DayInfo, DayReason, ZeroOnDayOff } from './working-days.ts'
export {
  addWorkingDays,
  countWorkingDays,
  describeDay,
  describeDays,
  isWorkingDay,
  listWorkingDays,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  provisionalYears,
} from './working-days.ts'
export type { WorkingHours } from './working-hours.ts'
export {
  addWorkingHours,
  addWorkingMinutes,
  endOfWorkingDay,
  isWithinWorkingTime,
  nextWorkingMoment,
  workingHoursOf,
  workingIntervalsOf,
  workingMinutesBetween,
} from './working-hours.ts'
export type { RequestDeadlineRule } from './request-deadline.ts'
export { requestDeadline } from './request-deadline.ts'
export { calendarYearsPresent, missingCalendarYears, MISSING_YEAR_WARNING_DAYS } from './calendar-years.ts'
