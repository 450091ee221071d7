import { describe, expect, it } from 'vitest'
import { requestDeadline } from './request-deadline.ts'
import { createWorkingCalendar } from './working-calendar.ts'

const msk = createWorkingCalendar({ timezone: 'Europe/Moscow' })

describe('requestDeadline: before 13:00 end of this working day, after it end of the next one', () => {
  it.each([
    ['Mon morning', '2025-06-09T07:00:00.000Z', '2025-06-09T15:00:00.000Z'],
    ['Mon 13:00 exactly counts as afternoon', '2025-06-09T10:00:00.000Z', '2025-06-10T15:00:00.000Z'],
    ['Fri afternoon -> Mon across the weekend', '2025-06-06T11:00:00.000Z', '2025-06-09T15:00:00.000Z'],
    ['Sat -> Mon', '2025-06-14T07:00:00.000Z', '2025-06-16T15:00:00.000Z'],
    [
      'morning of a shortened pre-holiday day -> 17:00 that day',
      '2025-06-11T07:00:00.000Z',
      '2025-06-11T14:00:00.000Z',
    ],
    ['afternoon before a shortened day -> 17:00 next day', '2025-06-10T11:00:00.000Z', '2025-06-11T14:00:00.000Z'],
    ['afternoon of a shortened day -> after the holidays', '2025-06-11T11:00:00.000Z', '2025-06-16T15:00:00.000Z'],
    ['Fri afternoon before a shortened working Saturday', '2025-10-31T11:00:00.000Z', '2025-11-01T14:00:00.000Z'],
    ['early morning before work counts as morning', '2025-06-10T03:00:00.000Z', '2025-06-10T15:00:00.000Z'],
  ])('%s', (_name, created, due) => {
    expect(requestDeadline(msk, created)).toBe(due)
  })

  it('takes a configured cut-off and end of day', () => {
    const rule = { cutoff: '12:00', endOfDay: '17:00' }
    expect(requestDeadline(msk, '2025-06-09T08:30:00.000Z', rule)).toBe('2025-06-09T14:00:00.000Z') // 11:30 local
    expect(requestDeadline(msk, '2025-06-09T09:30:00.000Z', rule)).toBe('2025-06-10T14:00:00.000Z')
    expect(requestDeadline(msk, '2025-06-09T09:30:00.000Z', { cutoff: '12:00' })).toBe('2025-06-10T15:00:00.000Z')
    expect(requestDeadline(msk, '2025-06-10T09:00:00.000Z', rule)).toBe('2025-06-11T13:00:00.000Z') // shortened 16:00
  })

  it('reads the cut-off in the portal time zone', () => {
    const vvo = createWorkingCalendar({ timezone: 'Asia/Vladivostok' })
    expect(requestDeadline(vvo, '2025-06-09T02:00:00.000Z')).toBe('2025-06-09T08:00:00.000Z') // 12:00 local
    expect(requestDeadline(vvo, '2025-06-09T03:30:00.000Z')).toBe('2025-06-10T08:00:00.000Z') // 13:30 local
  })
})
