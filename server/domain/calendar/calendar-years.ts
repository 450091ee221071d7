// Which production-calendar years the admin page must warn about.
import type { LocalDate } from './local-date.ts'
import { addDays, toDayNumber, yearOf } from './local-date.ts'
import { calendarYearsPresent } from './production-calendar.ts'

export { calendarYearsPresent }

/** How far ahead the admin page warns about a year without a production calendar. */
export const MISSING_YEAR_WARNING_DAYS = 60

/**
 * Years from today's to the one 60 days ahead that have no production calendar (they count by
 * art. 112, provisionally). The government decree for next year usually comes out in autumn, so the
 * warning starts on 2 November and names the year still missing.
 */
export function missingCalendarYears(
  today: LocalDate,
  yearsPresent: readonly number[] = calendarYearsPresent(),
): number[] {
  toDayNumber(today)
  const years: number[] = []
  for (let y = yearOf(today); y <= yearOf(addDays(today, MISSING_YEAR_WARNING_DAYS)); y++)
    if (!yearsPresent.includes(y)) years.push(y)
  return years
}
