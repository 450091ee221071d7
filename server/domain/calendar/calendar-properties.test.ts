import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromDayNumber, toDayNumber } from './local-date.ts'
import { createWorkingCalendar } from './working-calendar.ts'
import { addWorkingDays, countWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter } from './working-days.ts'
import { addWorkingMinutes, isWithinWorkingTime, workingMinutesBetween } from './working-hours.ts'

const calendars = [
  createWorkingCalendar({ timezone: 'Europe/Moscow' }),
  createWorkingCalendar({ timezone: 'Asia/Vladivostok', lunch: { start: '13:00', end: '14:00' } }),
  createWorkingCalendar({
    timezone: 'Europe/Kaliningrad',
    companyDaysOff: ['2025-06-10'],
    companyWorkingDays: ['2025-06-14'],
  }),
]
const calendar = fc.constantFrom(...calendars)
// Days well inside 2016-2027 so |n| <= 100 working days never leaves the data.
const anyDate = fc.integer({ min: toDayNumber('2016-07-01'), max: toDayNumber('2027-06-30') }).map(fromDayNumber)
const steps = fc.integer({ min: -100, max: 100 })
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 1) })

describe('working days properties', () => {
  it('adding n then -n working days returns to a working day', () => {
    fc.assert(
      fc.property(calendar, anyDate, steps, (cal, date, n) => {
        const d = nextWorkingDayOnOrAfter(cal, date)
        expect(addWorkingDays(cal, addWorkingDays(cal, d, n), -n)).toBe(d)
      }),
    )
  })

  it('a non-zero step always lands on a working day, in the right direction', () => {
    fc.assert(
      fc.property(
        calendar,
        anyDate,
        steps.filter((n) => n !== 0),
        (cal, date, n) => {
          const result = addWorkingDays(cal, date, n)
          expect(isWorkingDay(cal, result)).toBe(true)
          expect(Math.sign(toDayNumber(result) - toDayNumber(date))).toBe(Math.sign(n))
        },
      ),
    )
  })

  it('countWorkingDays agrees with addWorkingDays', () => {
    fc.assert(
      fc.property(calendar, anyDate, steps, (cal, date, n) => {
        const d = nextWorkingDayOnOrAfter(cal, date)
        const other = addWorkingDays(cal, d, n)
        const [from, to] = n >= 0 ? [d, other] : [other, d]
        expect(countWorkingDays(cal, from, to)).toBe(Math.abs(n) + 1)
      }),
    )
  })
})

describe('working hours properties', () => {
  it('addWorkingMinutes is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        instant,
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (cal, a, b, m1, m2) => {
          const [t1, t2] = a <= b ? [a, b] : [b, a]
          const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1]
          expect(Date.parse(addWorkingMinutes(cal, t1, lo)) <= Date.parse(addWorkingMinutes(cal, t2, lo))).toBe(true)
          expect(Date.parse(addWorkingMinutes(cal, t1, lo)) <= Date.parse(addWorkingMinutes(cal, t1, hi))).toBe(true)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('the working time between a start and start + m is m, and the result is not after hours', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 5000 }), (cal, t, m) => {
        const end = addWorkingMinutes(cal, t, m)
        expect(workingMinutesBetween(cal, t, end)).toBe(m)
        expect(isWithinWorkingTime(cal, Date.parse(end) - 1)).toBe(true)
      }),
      { numRuns: 60 },
    )
  })
})
