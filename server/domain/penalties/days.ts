// Day arithmetic for the engine on day numbers (days since 1970-01-01), with date errors turned
// into penalty.invalid-date.
import { fromDayNumber, toDayNumber } from '../calendar/local-date.ts'
import type { LocalDate } from '../calendar/local-date.ts'
import { PenaltyError } from './penalty-error.ts'

export type { LocalDate }

export function dayOf(date: LocalDate, what = 'date'): number {
  try {
    return toDayNumber(date)
  } catch {
    throw new PenaltyError('penalty.invalid-date', `${what} is not a YYYY-MM-DD date: "${String(date)}"`, {
      [what]: date,
    })
  }
}

export function dateOf(day: number): LocalDate {
  return fromDayNumber(day)
}

export function yearOfDay(day: number): number {
  return Number(fromDayNumber(day).slice(0, 4))
}

export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365
}

/** Day numbers of every 1 January in (from, to]. */
export function newYearDays(from: number, to: number): number[] {
  const out: number[] = []
  for (let y = yearOfDay(from) + 1; y <= yearOfDay(to); y++) out.push(dayOf(`${y}-01-01`))
  return out
}
