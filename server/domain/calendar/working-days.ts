// Working days of a portal's calendar: the production calendar plus the company's own days.
import { CalendarError } from './calendar-error.ts'
import type { LocalDate } from './local-date.ts'
import { addDays, isoWeekday, toDayNumber, yearOf } from './local-date.ts'
import type { ProductionReason } from './production-calendar.ts'
import { productionDay } from './production-calendar.ts'
import type { WorkingCalendar } from './working-calendar.ts'

export type DayReason = ProductionReason | 'company-day-off' | 'company-working-day' | 'assumed-weekday' | 'assumed-weekend'

export interface DayInfo {
  date: LocalDate
  working: boolean
  /** A pre-holiday day that ends early. */
  shortened: boolean
  reason: DayReason
}

/** Company days off win over everything; company working days win over the production calendar. */
export function describeDay(cal: WorkingCalendar, date: LocalDate): DayInfo {
  const prod = productionDay(date, cal.decreeDaysOff)
  if (cal.companyDaysOff.has(date)) return { date, working: false, shortened: false, reason: 'company-day-off' }
  if (!prod) {
    if (cal.missingYear === 'throw') {
      throw new CalendarError('calendar.year-missing', `the production calendar has no data for ${yearOf(date)}`, { year: yearOf(date) })
    }
    if (cal.companyWorkingDays.has(date)) return { date, working: true, shortened: false, reason: 'company-working-day' }
    const weekend = isoWeekday(date) >= 6
    return { date, working: !weekend, shortened: false, reason: weekend ? 'assumed-weekend' : 'assumed-weekday' }
  }
  if (cal.companyWorkingDays.has(date) && !prod.working) return { date, working: true, shortened: false, reason: 'company-working-day' }
  return { date, ...prod }
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
export function addWorkingDays(cal: WorkingCalendar, date: LocalDate, n: number, zeroOnDayOff: ZeroOnDayOff = 'next'): LocalDate {
  if (!Number.isSafeInteger(n)) throw new CalendarError('calendar.invalid-amount', `working days must be an integer, got ${n}`, { n })
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
  return describeDays(cal, from, to).filter((d) => d.working).map((d) => d.date)
}

/** Every day in [from, to] with its verdict; at most 20 years at once. */
export function describeDays(cal: WorkingCalendar, from: LocalDate, to: LocalDate): DayInfo[] {
  const span = toDayNumber(to) - toDayNumber(from)
  if (span > 366 * 20) throw new CalendarError('calendar.invalid-amount', 'a range of more than 20 years', { from, to })
  const out: DayInfo[] = []
  for (let i = 0; i <= span; i++) out.push(describeDay(cal, addDays(from, i)))
  return out
}

/** Years in [from, to] that were assumed to be plain Mon-Fri because the data is missing. */
export function assumedYears(cal: WorkingCalendar, from: LocalDate, to: LocalDate): number[] {
  const years: number[] = []
  for (let y = yearOf(from); y <= yearOf(to); y++) {
    if (!productionDay(`${y}-01-01`)) years.push(y)
  }
  return cal.missingYear === 'assume-weekdays' ? years : []
}
