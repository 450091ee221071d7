// Where a ladder step falls: anchor + offset in working or calendar days, then the day-off rule.
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  type LocalDate,
  type WorkingCalendar,
} from '../calendar/index.ts'
import type { DayOffRule, OffsetUnit } from './types.ts'

export function applyDayOffRule(cal: WorkingCalendar, date: LocalDate, rule: DayOffRule): LocalDate {
  if (rule === 'keep' || isWorkingDay(cal, date)) return date
  return rule === 'next' ? nextWorkingDayOnOrAfter(cal, date) : previousWorkingDayOnOrBefore(cal, date)
}

/**
 * Dates already worked out, per calendar (a calendar is read-only): a scan plans thousands of
 * receivables whose steps fall from the same few due dates, and working-day arithmetic was most of
 * the scan's CPU (profile of the healthz bench on PostgreSQL), time HTTP waited for.
 */
const known = new WeakMap<WorkingCalendar, Map<string, LocalDate>>()
const KNOWN_MAX = 50_000

/** anchor + offset (negative = before); the result obeys the day-off rule. */
export function offsetDate(
  cal: WorkingCalendar,
  anchor: LocalDate,
  offset: number,
  unit: OffsetUnit,
  rule: DayOffRule,
): LocalDate {
  let dates = known.get(cal)
  if (!dates || dates.size > KNOWN_MAX) known.set(cal, (dates = new Map()))
  const key = `${anchor}|${offset}|${unit}|${rule}`
  let date = dates.get(key)
  if (date === undefined) {
    const raw = unit === 'working' ? addWorkingDays(cal, anchor, offset, rule) : addDays(anchor, offset)
    date = applyDayOffRule(cal, raw, rule)
    dates.set(key, date)
  }
  return date
}
