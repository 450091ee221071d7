// The fallback for a year the production calendar has no official data for: art. 112 of the
// Labour Code alone, i.e. Saturdays and Sundays plus the fixed federal holidays (1-6 and 8 January,
// 7 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November), and the working day right
// before a holiday shortened by one hour (art. 95). No transfers: the government's decree for the
// year moves days off (including a holiday that falls on a weekend); until it is loaded every
// verdict of such a year is provisional and says so.
import type { LocalDate } from './local-date.ts'
import { addDays, isoWeekday } from './local-date.ts'
import type { ProductionDay } from './production-calendar.ts'

const FIXED_HOLIDAYS = new Set([
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
])

/** A non-working holiday of art. 112 part 1. */
export function isArt112Holiday(date: LocalDate): boolean {
  return FIXED_HOLIDAYS.has(date.slice(5))
}

/** The art. 112 verdict on a day (weekends, fixed holidays, art. 95 shortening; no transfers). */
export function art112Day(date: LocalDate): ProductionDay {
  if (isArt112Holiday(date)) return { working: false, shortened: false, reason: 'holiday' }
  if (isoWeekday(date) >= 6) return { working: false, shortened: false, reason: 'weekend' }
  return { working: true, shortened: isArt112Holiday(addDays(date, 1)), reason: 'weekday' }
}
