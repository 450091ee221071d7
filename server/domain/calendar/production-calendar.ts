// Lookup over the production calendar data: what the government calendar says about one day.
import { ruProductionCalendar, type ProductionYear } from './ru-production-calendar.ts'
import type { LocalDate } from './local-date.ts'
import { isoWeekday, yearOf } from './local-date.ts'

export type ProductionReason = 'weekday' | 'weekend' | 'holiday' | 'decree' | 'working-weekend'

export interface ProductionDay {
  working: boolean
  shortened: boolean
  reason: ProductionReason
}

interface YearSets {
  off: Set<string>
  decree: Set<string>
  work: Set<string>
  short: Set<string>
  decreeShort: Set<string>
}

const parsed = new WeakMap<ProductionYear, YearSets>()
const tokens = (s: string | undefined): Set<string> => new Set((s ?? '').split(' ').filter(Boolean))

/** Years a portal loaded itself (its official file for a year we ship no data for). */
export type ExtraYears = Readonly<Record<number, ProductionYear>>

function setsOf(year: number, extra?: ExtraYears): YearSets | undefined {
  const y = ruProductionCalendar[year] ?? extra?.[year]
  if (!y) return undefined
  const cached = parsed.get(y)
  if (cached) return cached
  const sets = {
    off: tokens(y.off),
    decree: tokens(y.decree),
    work: tokens(y.work),
    short: tokens(y.short),
    decreeShort: tokens(y.decreeShort),
  }
  parsed.set(y, sets)
  return sets
}

/** Years the production calendar has data for, ascending. */
export function calendarYearsPresent(): number[] {
  return Object.keys(ruProductionCalendar)
    .map(Number)
    .sort((a, b) => a - b)
}

/**
 * The production calendar's verdict on a day, or undefined when its year has no data.
 * decreeDaysOff: count the 2020/2021 presidential-decree days as days off (as the XML does);
 * false gives the standard government calendar (use it for key-rate effective dates). `extra`: years
 * the portal loaded itself, used only where the built-in data has no year.
 */
export function productionDay(date: LocalDate, decreeDaysOff = true, extra?: ExtraYears): ProductionDay | undefined {
  const sets = setsOf(yearOf(date), extra)
  if (!sets) return undefined
  const key = date.slice(5, 7) + date.slice(8, 10)
  const shortened = sets.short.has(key) || (!decreeDaysOff && sets.decreeShort.has(key))
  if (sets.work.has(key)) return { working: true, shortened, reason: 'working-weekend' }
  if (sets.off.has(key)) return { working: false, shortened: false, reason: 'holiday' }
  if (decreeDaysOff && sets.decree.has(key)) return { working: false, shortened: false, reason: 'decree' }
  if (isoWeekday(date) >= 6) return { working: false, shortened: false, reason: 'weekend' }
  return { working: true, shortened, reason: 'weekday' }
}
