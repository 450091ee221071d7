// Working time inside working days: hours, lunch, shortened pre-holiday days, and arithmetic
// in working time. All wall-clock times are in the portal's time zone; instants are UTC.
import { CalendarError } from './calendar-error.ts'
import type { Instant, InstantInput } from './instant.ts'
import { localDateOf, localTimeToMs, toEpochMs, toInstant } from './instant.ts'
import type { LocalDate } from './local-date.ts'
import { addDays } from './local-date.ts'
import type { WorkingCalendar } from './working-calendar.ts'
import { formatClock } from './working-calendar.ts'
import { describeDay } from './working-days.ts'

export interface WorkingHours {
  date: LocalDate
  start: string
  end: string
  lunch?: { start: string; end: string }
  shortened: boolean
  minutes: number
}

/** Local spans [start, end) in minutes after midnight; empty for a day off. */
function spansOf(cal: WorkingCalendar, date: LocalDate): Array<[number, number]> {
  const day = describeDay(cal, date)
  if (!day.working) return []
  const end = cal.workEnd - (day.shortened ? cal.shortenedMinutes : 0)
  if (!cal.lunch || cal.lunch.start >= end) return [[cal.workStart, end]]
  return [
    [cal.workStart, cal.lunch.start],
    [cal.lunch.end, end],
  ].filter(([s, e]) => e > s) as Array<[number, number]>
}

/** Working hours of a day (a shortened day ends early), or null for a day off. */
export function workingHoursOf(cal: WorkingCalendar, date: LocalDate): WorkingHours | null {
  const spans = spansOf(cal, date)
  if (spans.length === 0) return null
  const end = spans[spans.length - 1][1]
  const lunch = spans.length > 1 ? { start: formatClock(spans[0][1]), end: formatClock(spans[1][0]) } : undefined
  return {
    date,
    start: formatClock(cal.workStart),
    end: formatClock(end),
    ...(lunch ? { lunch } : {}),
    shortened: describeDay(cal, date).shortened,
    minutes: spans.reduce((m, [s, e]) => m + e - s, 0),
  }
}

/** The day's working intervals as UTC epoch ms [start, end). */
export function workingIntervalsOf(cal: WorkingCalendar, date: LocalDate): Array<[number, number]> {
  return spansOf(cal, date).map(([s, e]) => [
    localTimeToMs(cal.timezone, date, s),
    localTimeToMs(cal.timezone, date, e),
  ])
}

export function isWithinWorkingTime(cal: WorkingCalendar, instant: InstantInput): boolean {
  const t = toEpochMs(instant)
  return workingIntervalsOf(cal, localDateOf(cal.timezone, t)).some(([s, e]) => s <= t && t < e)
}

/** The end of a working day's working time; throws calendar.not-working-day for a day off. */
export function endOfWorkingDay(cal: WorkingCalendar, date: LocalDate): Instant {
  const spans = workingIntervalsOf(cal, date)
  if (spans.length === 0) throw new CalendarError('calendar.not-working-day', `${date} is not a working day`, { date })
  return toInstant(spans[spans.length - 1][1])
}

/** Adds working time in milliseconds (>= 0); landing on a span's end stays there (17:00 + 1 h = 18:00). */
function addWorkingMs(cal: WorkingCalendar, from: number, amount: number): number {
  let left = amount
  let date = localDateOf(cal.timezone, from)
  for (let guard = 0; guard < 366 * 30; guard++, date = addDays(date, 1)) {
    for (const [s, e] of workingIntervalsOf(cal, date)) {
      if (e <= from) continue
      const cursor = Math.max(from, s)
      if (left <= e - cursor && (left > 0 || cursor < e)) return cursor + left
      left -= e - cursor
    }
  }
  throw new CalendarError('calendar.invalid-amount', 'working time to add is too large', { amount })
}

/** The instant itself when it is in working time, else the start of the next working span. */
export function nextWorkingMoment(cal: WorkingCalendar, instant: InstantInput): Instant {
  return toInstant(addWorkingMs(cal, toEpochMs(instant), 0))
}

/** Adds working minutes (>= 0). Adding 0 gives nextWorkingMoment. */
export function addWorkingMinutes(cal: WorkingCalendar, instant: InstantInput, minutes: number): Instant {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new CalendarError('calendar.invalid-amount', `working minutes must be >= 0, got ${minutes}`, { minutes })
  }
  return toInstant(addWorkingMs(cal, toEpochMs(instant), Math.round(minutes * 60_000)))
}

export function addWorkingHours(cal: WorkingCalendar, instant: InstantInput, hours: number): Instant {
  return addWorkingMinutes(cal, instant, hours * 60)
}

/** Working minutes between two instants (0 when to is not after from). */
export function workingMinutesBetween(cal: WorkingCalendar, from: InstantInput, to: InstantInput): number {
  const a = toEpochMs(from)
  const b = toEpochMs(to)
  if (b <= a) return 0
  const last = localDateOf(cal.timezone, b)
  let total = 0
  for (let date = localDateOf(cal.timezone, a); date <= last; date = addDays(date, 1)) {
    for (const [s, e] of workingIntervalsOf(cal, date)) total += Math.max(0, Math.min(e, b) - Math.max(s, a))
  }
  return total / 60_000
}
