import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from './working-calendar.ts'
import { addWorkingDays, describeDay, nextWorkingDayOnOrAfter, provisionalYears } from './working-days.ts'
import { addWorkingHours } from './working-hours.ts'
import { art112Day } from './art-112.ts'
import { CalendarError } from './calendar-error.ts'

// 2028 has no official production calendar in the built-in data: art. 112 alone, provisional.
const cal = createWorkingCalendar({ timezone: 'Europe/Moscow', missingYear: 'art-112' })
const strict = createWorkingCalendar({ timezone: 'Europe/Moscow' })

describe('art. 112 for a year without data', () => {
  it.each([
    ['2028-01-03', false, 'holiday'], // Monday, New Year holidays
    ['2028-01-07', false, 'holiday'], // Christmas
    ['2028-01-10', true, 'weekday'],
    ['2028-02-23', false, 'holiday'], // Wednesday
    ['2028-03-08', false, 'holiday'],
    ['2028-05-01', false, 'holiday'], // Monday
    ['2028-05-09', false, 'holiday'],
    ['2028-06-12', false, 'holiday'], // Monday
    ['2028-11-04', false, 'holiday'], // Saturday: no transfer to Monday
    ['2028-11-06', true, 'weekday'], // would be the transferred day off; not moved without the decree
    ['2028-03-04', false, 'weekend'],
    ['2028-03-01', true, 'weekday'],
  ])('%s: working %s (%s), provisional', (date, working, reason) => {
    expect(describeDay(cal, date)).toEqual({ date, working, shortened: false, reason, provisional: true })
  })

  it('shortens the working day before a holiday by an hour (art. 95)', () => {
    expect(art112Day('2028-02-22')).toEqual({ working: true, shortened: true, reason: 'weekday' })
    expect(art112Day('2028-06-09')).toEqual({ working: true, shortened: false, reason: 'weekday' }) // Friday, 12.06 is Monday
  })

  it('official years stay as they are and are not provisional', () => {
    expect(describeDay(cal, '2027-12-31')).toEqual({
      date: '2027-12-31',
      working: false,
      shortened: false,
      reason: 'holiday',
    })
    expect(provisionalYears(cal, '2026-01-01', '2027-12-31')).toEqual([])
  })

  it('a due date of 31.12.2027 (a day off) moves to 10.01.2028, a provisional date', () => {
    const due = nextWorkingDayOnOrAfter(cal, '2027-12-31')
    expect(due).toBe('2028-01-10')
    expect(describeDay(cal, due).provisional).toBe(true)
    expect(provisionalYears(cal, '2027-12-31', due)).toEqual([2028])
    expect(() => nextWorkingDayOnOrAfter(strict, '2027-12-31')).toThrow(CalendarError)
  })

  it('an SLA that crosses into 2028 counts 2028 by art. 112 and names the year', () => {
    // 30.12.2027 17:00 MSK + 16 working hours (09-18): 1 h that day, 31.12-09.01 off, 9 h on 10.01, 6 h on 11.01
    expect(addWorkingHours(cal, '2027-12-30T14:00:00Z', 16)).toBe('2028-01-11T12:00:00.000Z')
    expect(provisionalYears(cal, '2027-12-30', '2028-01-11')).toEqual([2028])
    expect(addWorkingDays(cal, '2027-12-30', 3)).toBe('2028-01-12')
  })

  it('company days still win over the fallback', () => {
    const own = createWorkingCalendar({
      timezone: 'Europe/Moscow',
      missingYear: 'art-112',
      companyDaysOff: ['2028-01-10'],
      companyWorkingDays: ['2028-01-08'],
    })
    expect(describeDay(own, '2028-01-10')).toMatchObject({
      working: false,
      reason: 'company-day-off',
      provisional: true,
    })
    expect(describeDay(own, '2028-01-08')).toMatchObject({ working: true, reason: 'company-working-day' })
  })

  it('a year the portal loaded is official', () => {
    const loaded = createWorkingCalendar({
      timezone: 'Europe/Moscow',
      missingYear: 'art-112',
      officialYears: { 2028: { off: '0103 0104 0105 0106 0107 1106', work: '', short: '0222' } },
    })
    expect(describeDay(loaded, '2028-11-06')).toEqual({
      date: '2028-11-06',
      working: false,
      shortened: false,
      reason: 'holiday',
    })
    expect(provisionalYears(loaded, '2028-01-01', '2029-01-01')).toEqual([2029])
  })
})
