// LocalDate: an ISO 'YYYY-MM-DD' calendar day (in the portal's time zone). Pure day arithmetic on
// a day number (days since 1970-01-01) so no time zone can shift a day.
import { CalendarError } from './calendar-error.ts'

export type LocalDate = string

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/

export function toDayNumber(date: LocalDate): number {
  const m = pattern.exec(date)
  if (!m) throw new CalendarError('calendar.invalid-date', `not a YYYY-MM-DD date: "${date}"`, { date })
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new CalendarError('calendar.invalid-date', `no such calendar date: "${date}"`, { date })
  }
  return ms / 86_400_000
}

export function fromDayNumber(day: number): LocalDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

export function assertLocalDate(date: LocalDate): LocalDate {
  toDayNumber(date)
  return date
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + n)
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const wd = new Date(toDayNumber(date) * 86_400_000).getUTCDay()
  return wd === 0 ? 7 : wd
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4))
}
