// The general limitation period of a debt (domain rules §1.3): 3 years (Civil Code art. 196),
// running from the day after the payment deadline (art. 200) — the deadline already moved off a
// day off (art. 193, the receivable's effective due date). A case with several invoices runs from
// the oldest one. A period in years ends on the same month and day of its last year (art. 192;
// the last day of February when there is no 29th), and an end on a day off moves to the next
// working day (art. 193; in a year the production calendar does not have yet only weekends are
// known, so the date is never later than the legal one). Suspension and interruption (art.
// 202-203) are the lawyer's edit.
import { addDays, nextWorkingDayOnOrAfter, type LocalDate, type WorkingCalendar } from '../calendar/index.ts'

export const LIMITATION_YEARS = 3

/** The same month and day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const y = Number(date.slice(0, 4)) + years
  const md = date.slice(5)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`
}

/** The day the limitation period ends (the last day a claim can be filed); null with no due dates. */
export function limitationEndsOn(cal: WorkingCalendar, dueDates: readonly LocalDate[]): LocalDate | null {
  if (!dueDates.length) return null
  const oldest = [...dueDates].sort()[0]
  return nextWorkingDayOnOrAfter(cal, addYears(addDays(oldest, 1), LIMITATION_YEARS))
}
