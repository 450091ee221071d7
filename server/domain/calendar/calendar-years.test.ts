import { describe, expect, it } from 'vitest'
import { calendarYearsPresent, missingCalendarYears } from './calendar-years.ts'

describe('missingCalendarYears', () => {
  it('is empty while this and next year are present', () => {
    expect(missingCalendarYears('2026-11-22')).toEqual([])
  })

  it('names next year from 60 days before it starts, this year when it is missing', () => {
    expect(missingCalendarYears('2027-09-01')).toEqual([])
    expect(missingCalendarYears('2027-11-01')).toEqual([])
    expect(missingCalendarYears('2027-11-02')).toEqual([2028])
    expect(missingCalendarYears('2027-12-31')).toEqual([2028])
    expect(missingCalendarYears('2030-06-01')).toEqual([2030])
    expect(missingCalendarYears('2030-12-01')).toEqual([2030, 2031])
    expect(missingCalendarYears('2025-11-15', [2024, 2025])).toEqual([2026])
    expect(missingCalendarYears('2027-12-01', [2027, 2028])).toEqual([])
  })

  it('lists the bundled years', () => {
    expect(calendarYearsPresent()[0]).toBe(2016)
    expect(calendarYearsPresent().at(-1)).toBe(2027)
  })
})
