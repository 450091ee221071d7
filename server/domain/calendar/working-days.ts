// Working days of a portal's calendar: the production calendar plus the company's own days.
import { CalendarError } from './calendar-error.ts'
import type { LocalDate } from './local-date.ts'
import { addDays, toDayNumber, yearOf } from './local-date.ts'
import type { ProductionReason } from './production-calendar.ts'
import { productionDay } from './production-calendar.ts'
import { art112Day } from './art-112.ts'
import type { WorkingCalendar } from './working-calendar.ts'

export type DayReason = ProductionReason | 'company-day-off' | 'company-working-day'

export interface DayInfo {
  date: LocalDate
  working: boolean
  /** A pre-holiday day that ends early. */
  shortened: boolean
  reason: DayReason
  /** Counted by art. 112 alone: the year has no official production calendar yet. */
  provisional?: true
}

/** Company days off win over everything; company working days win over the production calendar. */
export function describeDay(cal: WorkingCalendar, date: LocalDate): DayInfo {
  const official = productionDay(date, cal.decreeDaysOff, cal.officialYears)
  if (!official && cal.missingYear === 'throw') {
    throw new CalendarError('calendar.year-missing', `the production calendar has no data for ${yearOf(date)}`, {
      year: yearOf(date),
    })
  }
  const mark = official ? {} : { provisional: true as const }
  const prod = official ?? art112Day(date)
  if (cal.companyDaysOff.has(date))
    return { date, working: false, shortened: false, reason: 'company-day-off', ...mark }
  if (cal.companyWorkingDays.has(date) && !prod.working)
    return { date, working: true, shortened: false, reason: 'company-working-day', ...mark }
  return { date, ...prod, ...mark }
}

export function isWorkingDay(cal: WorkingCalendar, date: LocalDate): boolean {
  return describeDay(cal, date).working
}

/** Art. 193 Civil Code: a due date on a day off moves to the next working day. */
export function nextWorkingDayOnOrAfter(cal: WorkingCalendar, date: LocalDate): LocalDate {
  let d = date
  while (!isWorkingDay(cal, d)) d = addDays(d, 1)
  return d
}

export function previousWorkingDayOnOrBefore(cal: WorkingCalendar, date: LocalDate): LocalDate {
  let d = date
  while (!isWorkingDay(cal, d)) d = addDays(d, -1)
  return d
}

/** What n = 0 does when the start date is a day off. */
export type ZeroOnDayOff = 'keep' | 'next' | 'previous'

/**
 * Steps n working days from date (n < 0 goes back), not counting date itself: Friday + 1 is
 * Monday, Saturday + 1 is Monday, Monday - 1 is the Friday before. With n = 0 the date is kept
 * when it is a working day; on a day off `zeroOnDayOff` decides (default 'next').
 */
export function addWorkingDays(
  cal: WorkingCalendar,
  date: LocalDate,
  n: number,
  zeroOnDayOff: ZeroOnDayOff = 'next',
): LocalDate {
  if (!Number.isSafeInteger(n))
    throw new CalendarError('calendar.invalid-amount', `working days must be an integer, got ${n}`, { n })
  toDayNumber(date)
  if (n === 0) {
    if (zeroOnDayOff === 'keep') return date
    return zeroOnDayOff === 'next' ? nextWorkingDayOnOrAfter(cal, date) : previousWorkingDayOnOrBefore(cal, date)
  }
  const step = n > 0 ? 1 : -1
  let left = Math.abs(n)
  let d = date
  while (left > 0) {
    d = addDays(d, step)
    if (isWorkingDay(cal, d)) left--
  }
  return d
}

/** Working days in [from, to], both ends included; 0 when from is after to. */
export function countWorkingDays(cal: WorkingCalendar, from: LocalDate, to: LocalDate): number {
  return listWorkingDays(cal, from, to).length
}

export function listWorkingDays(cal: WorkingCalendar, from: LocalDate, to: LocalDate): LocalDate[] {
  return describeDays(cal, from, to)
    .filter((d) => d.working)
    .map((d) => d.date)
}

/** Every day in [from, to] with its verdict; at most 20 years at once. */
export function describeDays(cal: WorkingCalendar, from: LocalDate, to: LocalDate): DayInfo[] {
  const span = toDayNumber(to) - toDayNumber(from)
  if (span > 366 * 20) throw new CalendarError('calendar.invalid-amount', 'a range of more than 20 years', { from, to })
  const out: DayInfo[] = []
  for (let i = 0; i <= span; i++) out.push(describeDay(cal, addDays(from, i)))
  return out
}

/** Years in [from, to] counted provisionally by art. 112 (no official production calendar for them). */
export function provisionalYears(cal: WorkingCalendar, from: LocalDate, to: LocalDate): number[] {
  if (cal.missingYear !== 'art-112') return []
  const years: number[] = []
  for (let y = yearOf(from); y <= yearOf(to); y++) {
    if (!productionDay(`${y}-01-01`, true, cal.officialYears)) years.push(y)
  }
  return years
}
