import { describe, expect, it } from 'vitest'
import { CalendarError } from './calendar-error.ts'
import { createWorkingCalendar } from './working-calendar.ts'
import {
  addWorkingDays,
  countWorkingDays,
  describeDay,
  isWorkingDay,
  listWorkingDays,
  nextWorkingDayOnOrAfter,
  provisionalYears,
} from './working-days.ts'

const msk = createWorkingCalendar({ timezone: 'Europe/Moscow' })

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    return e instanceof CalendarError ? e.code : 'other'
  }
  return undefined
}

describe('2024-2025 transfers', () => {
  it.each([
    ['2024-04-27', true],
    ['2024-12-28', true],
    ['2024-11-02', true],
    ['2025-11-01', true],
    ['2024-04-29', false],
    ['2024-04-30', false],
    ['2024-12-30', false],
    ['2024-12-31', false],
    ['2025-06-12', false],
    ['2025-06-13', false],
    ['2025-11-03', false],
    ['2025-11-04', false],
    ['2025-05-02', false],
    ['2025-05-08', false],
    ['2025-12-31', false],
    ['2025-06-11', true],
    ['2025-06-16', true],
    ['2025-06-14', false],
  ])('%s working = %s', (date, working) => {
    expect(isWorkingDay(msk, date)).toBe(working)
  })

  it('marks pre-holiday days and the working Saturday of 2025 as shortened', () => {
    expect(describeDay(msk, '2025-11-01')).toEqual({
      date: '2025-11-01',
      working: true,
      shortened: true,
      reason: 'working-weekend',
    })
    expect(describeDay(msk, '2025-06-11').shortened).toBe(true)
    expect(describeDay(msk, '2024-04-27')).toEqual({
      date: '2024-04-27',
      working: true,
      shortened: false,
      reason: 'working-weekend',
    })
    expect(describeDay(msk, '2025-06-13').reason).toBe('holiday')
  })
})

describe('addWorkingDays', () => {
  it('reference example: 5 working days before 16.06.2025 is 05.06.2025', () => {
    expect(addWorkingDays(msk, '2025-06-16', -5)).toBe('2025-06-05')
  })

  it('steps over weekends, holidays and onto working Saturdays', () => {
    expect(addWorkingDays(msk, '2025-06-11', 1)).toBe('2025-06-16')
    expect(addWorkingDays(msk, '2025-10-31', 1)).toBe('2025-11-01')
    expect(addWorkingDays(msk, '2025-11-01', 1)).toBe('2025-11-05')
    expect(addWorkingDays(msk, '2024-12-27', 1)).toBe('2024-12-28')
    expect(addWorkingDays(msk, '2024-12-28', 1)).toBe('2025-01-09')
    expect(addWorkingDays(msk, '2025-06-14', 1)).toBe('2025-06-16')
    expect(addWorkingDays(msk, '2025-06-14', -1)).toBe('2025-06-11')
  })

  it('n = 0 on a day off follows the rule parameter', () => {
    expect(addWorkingDays(msk, '2025-06-12', 0)).toBe('2025-06-16')
    expect(addWorkingDays(msk, '2025-06-12', 0, 'previous')).toBe('2025-06-11')
    expect(addWorkingDays(msk, '2025-06-12', 0, 'keep')).toBe('2025-06-12')
    expect(addWorkingDays(msk, '2025-06-11', 0, 'previous')).toBe('2025-06-11')
  })

  it('rejects fractional counts and bad dates', () => {
    expect(codeOf(() => addWorkingDays(msk, '2025-06-11', 1.5))).toBe('calendar.invalid-amount')
    expect(codeOf(() => addWorkingDays(msk, '2025-02-30', 1))).toBe('calendar.invalid-date')
  })
})

describe('countWorkingDays and nextWorkingDayOnOrAfter', () => {
  it('counts both ends included', () => {
    expect(countWorkingDays(msk, '2025-06-09', '2025-06-16')).toBe(4)
    expect(countWorkingDays(msk, '2025-01-01', '2025-12-31')).toBe(247)
    expect(countWorkingDays(msk, '2025-06-16', '2025-06-09')).toBe(0)
    expect(listWorkingDays(msk, '2025-10-30', '2025-11-05')).toEqual([
      '2025-10-30',
      '2025-10-31',
      '2025-11-01',
      '2025-11-05',
    ])
  })

  it('art. 193: a due date on a day off moves to the next working day', () => {
    expect(nextWorkingDayOnOrAfter(msk, '2025-06-12')).toBe('2025-06-16')
    expect(nextWorkingDayOnOrAfter(msk, '2025-12-31')).toBe('2026-01-12')
    expect(nextWorkingDayOnOrAfter(msk, '2025-06-11')).toBe('2025-06-11')
  })
})

describe('company days', () => {
  const company = createWorkingCalendar({
    timezone: 'Europe/Moscow',
    companyDaysOff: ['2025-06-11', '2025-06-21'],
    companyWorkingDays: ['2025-06-12', '2025-06-21'],
  })

  it('company days off win over everything, company working days over the production calendar', () => {
    expect(describeDay(company, '2025-06-11')).toMatchObject({ working: false, reason: 'company-day-off' })
    expect(describeDay(company, '2025-06-12')).toMatchObject({
      working: true,
      shortened: false,
      reason: 'company-working-day',
    })
    expect(isWorkingDay(company, '2025-06-21')).toBe(false)
    expect(addWorkingDays(company, '2025-06-10', 1)).toBe('2025-06-12')
  })
})

describe('a year without data', () => {
  it('throws calendar.year-missing by default', () => {
    expect(codeOf(() => isWorkingDay(msk, '2028-03-01'))).toBe('calendar.year-missing')
    expect(codeOf(() => addWorkingDays(msk, '2027-12-30', 3))).toBe('calendar.year-missing')
    expect(codeOf(() => isWorkingDay(msk, '2015-12-31'))).toBe('calendar.year-missing')
  })

  it('art-112 counts it by the Labour Code alone and says so', () => {
    const lenient = createWorkingCalendar({ timezone: 'Europe/Moscow', missingYear: 'art-112' })
    expect(describeDay(lenient, '2028-03-01')).toMatchObject({ working: true, reason: 'weekday', provisional: true })
    expect(describeDay(lenient, '2028-03-04')).toMatchObject({ working: false, reason: 'weekend', provisional: true })
    expect(addWorkingDays(lenient, '2027-12-30', 3)).toBe('2028-01-12') // 31.12.2027 off, 01-08.01.2028 holidays
    expect(provisionalYears(lenient, '2027-06-01', '2029-01-01')).toEqual([2028, 2029])
    expect(provisionalYears(lenient, '2025-01-01', '2027-12-31')).toEqual([])
    expect(provisionalYears(msk, '2027-06-01', '2029-01-01')).toEqual([])
  })
})
