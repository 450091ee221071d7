import { describe, expect, it } from 'vitest'
import { CalendarError } from './calendar-error.ts'
import { createWorkingCalendar } from './working-calendar.ts'
import {
  addWorkingHours,
  addWorkingMinutes,
  endOfWorkingDay,
  isWithinWorkingTime,
  nextWorkingMoment,
  workingHoursOf,
  workingMinutesBetween,
} from './working-hours.ts'

const msk = createWorkingCalendar({ timezone: 'Europe/Moscow' })
const withLunch = createWorkingCalendar({ timezone: 'Europe/Moscow', lunch: { start: '13:00', end: '14:00' } })

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    return e instanceof CalendarError ? e.code : 'other'
  }
  return undefined
}

describe('workingHoursOf', () => {
  it('gives full, shortened and no hours', () => {
    expect(workingHoursOf(msk, '2025-06-10')).toEqual({
      date: '2025-06-10',
      start: '09:00',
      end: '18:00',
      shortened: false,
      minutes: 540,
    })
    expect(workingHoursOf(msk, '2025-06-11')).toEqual({
      date: '2025-06-11',
      start: '09:00',
      end: '17:00',
      shortened: true,
      minutes: 480,
    })
    expect(workingHoursOf(withLunch, '2025-11-01')).toEqual({
      date: '2025-11-01',
      start: '09:00',
      end: '17:00',
      lunch: { start: '13:00', end: '14:00' },
      shortened: true,
      minutes: 420,
    })
    expect(workingHoursOf(msk, '2025-06-12')).toBeNull()
  })

  it('honours a custom shortening and working hours', () => {
    const cal = createWorkingCalendar({
      timezone: 'Europe/Moscow',
      workStart: '08:30',
      workEnd: '17:30',
      shortenedDayHours: 2,
    })
    expect(workingHoursOf(cal, '2025-06-11')).toMatchObject({ start: '08:30', end: '15:30', minutes: 420 })
  })
})

describe('SLA: request created Friday 17:30 before a holiday Monday', () => {
  const created = '2026-02-20T14:30:00.000Z' // Fri 20.02.2026 17:30 MSK; 23.02 (Mon) is a holiday

  it('+4 working hours lands on Tuesday 12:30', () => {
    expect(addWorkingHours(msk, created, 4)).toBe('2026-02-24T09:30:00.000Z')
    expect(workingMinutesBetween(msk, created, '2026-02-24T09:30:00.000Z')).toBe(240)
  })

  it('reminder after 2 working days (18 h), escalation 1 working hour later', () => {
    const remind = addWorkingHours(msk, created, 18)
    expect(remind).toBe('2026-02-25T14:30:00.000Z') // Wed 17:30 MSK
    expect(addWorkingHours(msk, remind, 1)).toBe('2026-02-26T06:30:00.000Z') // Thu 09:30 MSK
  })

  it('a Friday evening before a shortened working Saturday continues on that Saturday', () => {
    expect(addWorkingHours(msk, '2025-10-31T14:30:00.000Z', 4)).toBe('2025-11-01T09:30:00.000Z')
    expect(addWorkingHours(msk, '2025-10-31T14:30:00.000Z', 8.5)).toBe('2025-11-01T14:00:00.000Z') // Sat ends 17:00
    expect(addWorkingHours(msk, '2025-10-31T14:30:00.000Z', 8.75)).toBe('2025-11-05T06:15:00.000Z')
  })
})

describe('addWorkingHours / nextWorkingMoment', () => {
  it('skips lunch and ends on a span end instead of jumping to the next day', () => {
    expect(addWorkingHours(withLunch, '2025-06-09T08:00:00.000Z', 4)).toBe('2025-06-09T13:00:00.000Z')
    expect(addWorkingHours(msk, '2025-06-06T14:00:00.000Z', 1)).toBe('2025-06-06T15:00:00.000Z')
    expect(addWorkingMinutes(msk, '2025-06-11T13:00:00.000Z', 120)).toBe('2025-06-16T07:00:00.000Z')
  })

  it('nextWorkingMoment keeps working instants and moves the rest to the next start', () => {
    expect(nextWorkingMoment(msk, '2025-06-10T10:00:00.000Z')).toBe('2025-06-10T10:00:00.000Z')
    expect(nextWorkingMoment(msk, '2025-06-06T15:00:00.000Z')).toBe('2025-06-09T06:00:00.000Z')
    expect(nextWorkingMoment(withLunch, '2025-06-10T10:30:00.000Z')).toBe('2025-06-10T11:00:00.000Z')
    expect(addWorkingHours(msk, '2025-06-06T15:00:00.000Z', 0)).toBe('2025-06-09T06:00:00.000Z')
  })

  it('isWithinWorkingTime is half-open [start, end)', () => {
    expect(isWithinWorkingTime(msk, '2025-06-10T06:00:00.000Z')).toBe(true)
    expect(isWithinWorkingTime(msk, '2025-06-10T15:00:00.000Z')).toBe(false)
    expect(isWithinWorkingTime(msk, '2025-06-11T14:30:00.000Z')).toBe(false) // shortened day ended at 17:00
    expect(isWithinWorkingTime(msk, Date.UTC(2025, 5, 10, 7))).toBe(true)
  })

  it('rejects negative amounts and instants without an offset', () => {
    expect(codeOf(() => addWorkingHours(msk, '2025-06-10T10:00:00Z', -1))).toBe('calendar.invalid-amount')
    expect(codeOf(() => addWorkingHours(msk, '2025-06-10T10:00:00', 1))).toBe('calendar.invalid-instant')
    expect(codeOf(() => endOfWorkingDay(msk, '2025-06-12'))).toBe('calendar.not-working-day')
    expect(codeOf(() => createWorkingCalendar({ timezone: 'Mars/Olympus' }))).toBe('calendar.invalid-timezone')
    expect(codeOf(() => createWorkingCalendar({ timezone: 'UTC', workStart: '18:00', workEnd: '09:00' }))).toBe(
      'calendar.invalid-time',
    )
  })
})

describe('time zones: Vladivostok (UTC+10) vs Kaliningrad (UTC+2)', () => {
  const vvo = createWorkingCalendar({ timezone: 'Asia/Vladivostok' })
  const kgd = createWorkingCalendar({ timezone: 'Europe/Kaliningrad' })
  const instant = '2025-06-11T08:30:00.000Z' // 18:30 in Vladivostok, 10:30 in Kaliningrad

  it('the same instant is after hours in one portal and working time in the other', () => {
    expect(isWithinWorkingTime(vvo, instant)).toBe(false)
    expect(isWithinWorkingTime(kgd, instant)).toBe(true)
    expect(nextWorkingMoment(vvo, instant)).toBe('2025-06-15T23:00:00.000Z') // Mon 16.06 09:00 local
    expect(nextWorkingMoment(kgd, instant)).toBe(instant)
  })

  it('end of day and added hours follow the local clock', () => {
    expect(endOfWorkingDay(vvo, '2025-06-11')).toBe('2025-06-11T07:00:00.000Z') // shortened: 17:00 local
    expect(endOfWorkingDay(kgd, '2025-06-11')).toBe('2025-06-11T15:00:00.000Z')
    expect(addWorkingHours(kgd, instant, 8)).toBe('2025-06-16T08:30:00.000Z') // 6.5 h on 11.06, then 1.5 h on 16.06
    expect(addWorkingHours(vvo, '2025-06-10T23:00:00.000Z', 1)).toBe('2025-06-11T00:00:00.000Z') // 09:00 -> 10:00 local on 11.06
  })
})

describe('a zone with daylight saving time', () => {
  it('keeps wall-clock hours on the day the clocks change', () => {
    const berlin = createWorkingCalendar({ timezone: 'Europe/Berlin', companyWorkingDays: ['2025-03-30'] })
    expect(workingHoursOf(berlin, '2025-03-30')?.minutes).toBe(540)
    expect(addWorkingHours(berlin, '2025-03-30T00:00:00.000Z', 0)).toBe('2025-03-30T07:00:00.000Z') // 09:00 CEST
    expect(endOfWorkingDay(berlin, '2025-03-30')).toBe('2025-03-30T16:00:00.000Z') // 18:00 CEST
  })
})
