import { describe, expect, it } from 'vitest'
import { receivableStatus, statusThresholdsOf } from './receivable-status.ts'

const th = { dueSoonDays: 5, stuckDays: 14 }
const r = (over: Partial<Parameters<typeof receivableStatus>[0]> = {}) => ({
  stage: 'AWAITING',
  remaining: 100_00,
  effectiveDueDate: '2026-12-20',
  lastActivityOn: '2026-12-01',
  ...over,
})

describe('receivable status', () => {
  const today = '2026-12-07'
  it('paid and written off come first', () => {
    expect(receivableStatus(r({ stage: 'FAIL' }), today, th)).toBe('written-off')
    expect(receivableStatus(r({ remaining: 0 }), today, th)).toBe('paid')
  })
  it('sent to the client, due soon (within N days, today included), open', () => {
    expect(receivableStatus(r({ stage: 'SENT' }), today, th)).toBe('sent')
    expect(receivableStatus(r(), today, th)).toBe('open')
    expect(receivableStatus(r({ stage: 'SENT', effectiveDueDate: '2026-12-12' }), today, th)).toBe('due-soon')
    expect(receivableStatus(r({ effectiveDueDate: '2026-12-07' }), today, th)).toBe('due-soon')
    expect(receivableStatus(r({ effectiveDueDate: '2026-12-13' }), today, th)).toBe('open')
  })
  it('overdue turns stuck after N days without payment, stage move or contact', () => {
    expect(receivableStatus(r({ effectiveDueDate: '2026-12-01', lastActivityOn: '2026-11-23' }), today, th)).toBe(
      'stuck',
    )
    expect(receivableStatus(r({ effectiveDueDate: '2026-12-01', lastActivityOn: '2026-11-24' }), today, th)).toBe(
      'overdue',
    )
    expect(receivableStatus(r({ effectiveDueDate: '2026-11-01', lastActivityOn: null }), today, th)).toBe('stuck')
  })
  it('takes thresholds from settings, defaults for bad values', () => {
    expect(statusThresholdsOf({ dueSoonDays: 3, stuckDays: 30 })).toEqual({ dueSoonDays: 3, stuckDays: 30 })
    expect(statusThresholdsOf({ dueSoonDays: 0, stuckDays: 'x' })).toEqual({ dueSoonDays: 5, stuckDays: 14 })
    expect(statusThresholdsOf(null)).toEqual({ dueSoonDays: 5, stuckDays: 14 })
  })
})
