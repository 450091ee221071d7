import { describe, expect, it } from 'vitest'
import { DateTime } from 'luxon'
import { dailyAt, everyMinutes } from './schedule.ts'

const at = (iso: string, zone = 'Europe/Moscow') => DateTime.fromISO(iso, { zone })

describe('portal schedule slots', () => {
  it('a daily slot is due from its local time on, keyed by the local date', () => {
    const morning = dailyAt(8, 30)
    expect(morning(at('2025-06-02T08:29'))).toBeNull()
    expect(morning(at('2025-06-02T08:30'))).toBe('2025-06-02')
    expect(morning(at('2025-06-02T23:59'))).toBe('2025-06-02')
    // 05:00 UTC is 08:00 in Moscow but 15:00 in Vladivostok: each portal's own morning
    const utc = DateTime.fromISO('2025-06-02T05:00:00Z')
    expect(dailyAt(8)(utc.setZone('Europe/Moscow'))).toBe('2025-06-02')
    expect(dailyAt(8)(utc.setZone('America/New_York'))).toBeNull()
  })

  it('an every-N-minutes slot names the window it falls in', () => {
    const q = everyMinutes(15)
    expect(q(at('2025-06-02T10:14'))).toBe('2025-06-02T10:00')
    expect(q(at('2025-06-02T10:15'))).toBe('2025-06-02T10:15')
    expect(q(at('2025-06-02T10:29'))).toBe('2025-06-02T10:15')
  })
})
