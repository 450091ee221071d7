// Which production-calendar years the admin page must warn about.
import type { LocalDate } from './local-date.ts'
import { toDayNumber, yearOf } from './local-date.ts'
import { calendarYearsPresent } from './production-calendar.ts'

export { calendarYearsPresent }

/**
 * Years among this one and the next that have no production calendar. The government decree for
 * next year usually comes out in autumn, so a missing next year is normal until then; the caller
 * decides how loud to be (e.g. warn from September).
 */
export function missingCalendarYears(today: LocalDate, yearsPresent: readonly number[] = calendarYearsPresent()): number[] {
  toDayNumber(today)
  const year = yearOf(today)
  return [year, year + 1].filter((y) => !yearsPresent.includes(y))
}
