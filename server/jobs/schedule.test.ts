import { describe, expect, it } from 'vitest'
import { DateTime } from 'luxon'
import { createScheduleTick, dailyAt, everyMinutes } from './schedule.ts'
import { jobKeys } from '../use-cases/effect-keys.ts'

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

describe('the minute tick', () => {
  it('sends each due job once for all portals, each portal in its own timezone, keyed by its slot', async () => {
    const sent: { job: string; jobs: { data: object; options?: { key?: string; memberId?: string } }[] }[] = []
    const queue = {
      insertMany: async (job: string, jobs: (typeof sent)[number]['jobs']) => void sent.push({ job, jobs }),
      send: async () => null,
    }
    const portals = [
      { memberId: 'msk', timezone: 'Europe/Moscow' },
      { memberId: 'nyc', timezone: 'America/New_York' },
    ]
    const tick = createScheduleTick(
      {
        queue: queue as unknown as Parameters<typeof createScheduleTick>[0]['queue'],
        clock: { now: () => new Date('2025-06-02T05:00:00Z') },
        repos: { portals: { duePurges: async () => [], list: async () => portals } } as never,
      },
      () => new Date('2025-06-02T05:00:00Z'),
    )
    await tick({ id: '1', name: 'schedule-tick', data: {}, retryCount: 0 })
    const byJob = Object.fromEntries(
      sent.map((s) => [s.job, s.jobs.map((j) => (j.data as { memberId: string }).memberId)]),
    )
    // 08:00 in Moscow, 01:00 in New York: the morning jobs are due in Moscow only
    expect(byJob).toEqual({
      'approval-recover': ['msk', 'nyc'],
      'dunning-scan': ['msk'],
      'receivable-reconcile': ['msk', 'nyc'],
      'claim-tranche-scan': ['msk', 'nyc'],
      'key-rate-refresh': ['msk'],
    })
    expect(sent.find((s) => s.job === 'dunning-scan')!.jobs[0]).toEqual({
      data: { memberId: 'msk', slot: '2025-06-02' },
      options: { key: jobKeys.scheduleFanOut('dunning-scan', 'msk', '2025-06-02'), memberId: 'msk' },
    })
  })
})
