import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar/index.ts'
import { courtChecklist, letterPayBy, limitationWarning, pretrialDeadline } from './recovery-clock.ts'

const cal = createWorkingCalendar({ timezone: 'Europe/Moscow' })

describe('recovery clocks', () => {
  it('the pre-trial period is 30 calendar days; a deadline on a day off moves to the next working day', () => {
    expect(pretrialDeadline(cal, '2025-06-02')).toBe('2025-07-02') // Wednesday
    expect(pretrialDeadline(cal, '2025-06-07')).toBe('2025-07-07') // 07-07 is a Monday: stays
    expect(pretrialDeadline(cal, '2025-06-05')).toBe('2025-07-07') // 07-05 Saturday -> Monday
    expect(pretrialDeadline(cal, '2024-12-09')).toBe('2025-01-09') // 01-08 is a holiday -> 01-09
  })
  it("the claim letter's deadline to pay: 30 days, moved off a day off to the next working day", () => {
    expect(letterPayBy(cal, '2025-06-02', 30)).toBe('2025-07-02') // Wednesday
    expect(letterPayBy(cal, '2025-06-05', 30)).toBe('2025-07-07') // Saturday -> Monday
    expect(letterPayBy(cal, '2025-05-13', 30)).toBe('2025-06-16') // Thursday 12.06 holiday, 13.06 day off, weekend -> Monday
    expect(letterPayBy(cal, '2026-12-04', 30)).toBe('2027-01-11') // the New Year holidays
  })
  it('limitation warnings at 90 and 30 days, then expired', () => {
    expect(limitationWarning('2026-12-31', '2026-09-01')).toBeNull()
    expect(limitationWarning('2026-12-31', '2026-10-02')).toEqual({ threshold: 90, daysLeft: 90 })
    expect(limitationWarning('2026-12-31', '2026-12-01')).toEqual({ threshold: 30, daysLeft: 30 })
    expect(limitationWarning('2026-12-31', '2027-01-01')).toEqual({ threshold: 0, daysLeft: -1 })
    expect(limitationWarning(null, '2026-12-01')).toBeNull()
  })
  it('the court checklist names the documents in both languages', () => {
    expect(courtChecklist('ru')).toHaveLength(7)
    expect(courtChecklist('en')[4]).toMatch(/Calculation/)
  })
})
