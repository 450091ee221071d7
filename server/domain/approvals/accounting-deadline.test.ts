import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar/index.ts'
import { accountingDeadline } from './accounting-deadline.ts'

const cal = createWorkingCalendar({ timezone: 'Europe/Moscow' })
const at = (local: string) => new Date(`${local}:00+03:00`).toISOString()

describe('accounting task deadline', () => {
  it.each([
    ['a Friday morning request is due the same evening', '2025-06-06T10:00', '2025-06-06T18:00'],
    ['a Friday afternoon request is due Monday evening (across the weekend)', '2025-06-06T14:00', '2025-06-09T18:00'],
    ['exactly at the cut-off counts as afternoon', '2025-06-06T13:00', '2025-06-09T18:00'],
    ['a Saturday request is due Monday evening', '2025-06-07T10:00', '2025-06-09T18:00'],
    ['a morning on the shortened pre-holiday day is due at its shortened end', '2025-06-11T10:00', '2025-06-11T17:00'],
    ['an afternoon on the shortened day skips the holidays and the weekend', '2025-06-11T14:00', '2025-06-16T18:00'],
  ])('%s', (_n, arrived, due) => {
    expect(accountingDeadline(cal, at(arrived), null)).toBe(at(due))
  })

  it("the request's own deadline wins; on a holiday it moves back to the last working day", () => {
    expect(accountingDeadline(cal, at('2025-06-06T10:00'), '2025-06-18')).toBe(at('2025-06-18T18:00'))
    expect(accountingDeadline(cal, at('2025-06-06T10:00'), '2025-06-12')).toBe(at('2025-06-11T17:00'))
  })

  it('cut-off and end of day are configurable', () => {
    expect(accountingDeadline(cal, at('2025-06-06T13:30'), null, { cutoff: '14:00', endOfDay: '17:00' })).toBe(
      at('2025-06-06T17:00'),
    )
  })
})
