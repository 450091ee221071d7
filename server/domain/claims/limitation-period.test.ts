import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar/index.ts'
import { addYears, limitationEndsOn } from './limitation-period.ts'

const cal = createWorkingCalendar({ timezone: 'Europe/Moscow', missingYear: 'art-112' })

describe('limitation period (3 years from the day after the due date)', () => {
  it('runs from the day after the due date; an end on a day off moves to the next working day', () => {
    // a working day stays: due 14.03.2025 -> runs from 15.03.2025 -> ends 15.03.2028 (Wednesday)
    expect(limitationEndsOn(cal, ['2025-03-14'])).toBe('2028-03-15')
    // due 10.07.2024 -> 11.07.2027 is a Sunday -> Monday 12.07.2027 (art. 193)
    expect(limitationEndsOn(cal, ['2024-07-10'])).toBe('2027-07-12')
    // the production calendar: due 11.06.2024 -> 12.06.2027 Saturday, 13.06 Sunday, 14.06 the
    // transferred Russia Day -> Tuesday 15.06.2027
    expect(limitationEndsOn(cal, ['2024-06-11'])).toBe('2027-06-15')
  })
  it('takes the oldest invoice of the case', () => {
    expect(limitationEndsOn(cal, ['2025-09-30', '2025-03-14', '2026-01-20'])).toBe('2028-03-15')
  })
  it('a start on 29 February ends on 28 February (or the next working day)', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
    expect(addYears('2025-12-31', 3)).toBe('2028-12-31')
    // due 28.02.2024 -> runs from 29.02.2024 -> 28.02.2027 is a Sunday -> Monday 01.03.2027
    expect(limitationEndsOn(cal, ['2024-02-28'])).toBe('2027-03-01')
  })
  it('no invoices, no date', () => {
    expect(limitationEndsOn(cal, [])).toBeNull()
  })
})
