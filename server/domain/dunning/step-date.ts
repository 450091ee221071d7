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

/** anchor + offset (negative = before); the result obeys the day-off rule. */
export function offsetDate(
  cal: WorkingCalendar,
  anchor: LocalDate,
  offset: number,
  unit: OffsetUnit,
  rule: DayOffRule,
): LocalDate {
  const raw = unit === 'working' ? addWorkingDays(cal, anchor, offset, rule) : addDays(anchor, offset)
  return applyDayOffRule(cal, raw, rule)
}
