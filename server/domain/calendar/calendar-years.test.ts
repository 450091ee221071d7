import { describe, expect, it } from 'vitest'
import { calendarYearsPresent, missingCalendarYears } from './calendar-years.ts'

describe('missingCalendarYears', () => {
  it('is empty while this and next year are present', () => {
    expect(missingCalendarYears('2026-11-22')).toEqual([])
  })

  it('names next year once it is missing, and both when far ahead', () => {
    expect(missingCalendarYears('2027-09-01')).toEqual([2028])
    expect(missingCalendarYears('2030-01-01')).toEqual([2030, 2031])
    expect(missingCalendarYears('2025-01-01', [2024, 2025])).toEqual([2026])
  })

  it('lists the bundled years', () => {
    expect(calendarYearsPresent()[0]).toBe(2016)
    expect(calendarYearsPresent().at(-1)).toBe(2027)
  })
})
