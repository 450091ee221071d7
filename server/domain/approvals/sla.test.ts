// The SLA ladder with a frozen clock in the Russian production calendar (Europe/Moscow, 09-18).
import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar/index.ts'
import { defaultRoute } from './routes.ts'
import { decide, pauseRoute, resumeRoute, startRoute, takeIntoWork, tickSla, type EngineEnv } from './engine.ts'
import { nextSlaMoment, pendingSlaActions, slaStatusOf } from './sla.ts'
import type { ApprovalState } from './types.ts'

const cal = createWorkingCalendar({ timezone: 'Europe/Moscow' })
const env = (now: string): EngineEnv => ({ cal, now })
const facts = { initiatorId: 7, amount: 100_000, costItem: 'goods', paymentDeadline: null }
// Friday 2026-02-20 17:30 MSK; Monday 2026-02-23 is a holiday (Defender of the Fatherland Day)
const FRIDAY_1730 = '2026-02-20T14:30:00.000Z'
const start = () =>
  startRoute(
    defaultRoute('payments'),
    facts,
    { head: { assigneeId: 3 }, finance: { assigneeId: 4 } },
    env(FRIDAY_1730),
    null,
  ).state
const msk = (iso: string) => new Date(Date.parse(iso) + 3 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

describe('head approval ladder (check every 4 working hours, remind after 2 working days, escalate 1 hour later)', () => {
  it('a request created Friday 17:30 before a holiday Monday: checks, reminder and escalation land on working moments', () => {
    const s = start()
    expect(pendingSlaActions(cal, s.steps[0]).map((a) => [a.kind, msk(a.at)])).toEqual([
      ['check', '2026-02-24 12:30'],
      ['remind', '2026-02-25 17:30'],
      ['escalate', '2026-02-26 09:30'],
    ])
  })

  it('firing every moment in turn walks the ladder: four checks, the reminder, then the escalation; nothing fires early', () => {
    let s: ApprovalState = start()
    const kinds: string[] = []
    for (let i = 0; i < 10; i++) {
      const at = nextSlaMoment(cal, s.steps[0])
      if (!at) break
      const early = tickSla(s, env(new Date(Date.parse(at) - 1000).toISOString()))
      expect(early.events).toEqual([])
      const t = tickSla(s, env(at))
      kinds.push(...t.events.map((e) => `${e.type}@${msk(at)}`))
      s = t.state
    }
    expect(kinds).toEqual([
      'sla-checked@2026-02-24 12:30',
      'sla-checked@2026-02-24 16:30',
      'sla-checked@2026-02-25 11:30',
      'sla-checked@2026-02-25 15:30',
      'reminded@2026-02-25 17:30',
      'escalated@2026-02-26 09:30',
    ])
    expect(slaStatusOf(s.steps[0])).toBe('escalated')
  })

  it('a late tick (the worker was down over the weekend) applies everything due at once', () => {
    const t = tickSla(start(), env('2026-03-02T06:00:00.000Z'))
    expect(t.events.map((e) => e.type)).toEqual([
      'sla-checked',
      'sla-checked',
      'sla-checked',
      'sla-checked',
      'reminded',
      'escalated',
    ])
  })

  it('taking the request into work stops the ladder', () => {
    const taken = takeIntoWork(start(), 3, env('2026-02-24T07:00:00.000Z')).state
    expect(nextSlaMoment(cal, taken.steps[0])).toBeNull()
    expect(tickSla(taken, env('2026-03-02T06:00:00.000Z')).events).toEqual([])
  })

  it('Frozen pauses the clock with its reason; the days spent there do not count', () => {
    const s = start()
    // paused on Tuesday 10:00 MSK (90 working minutes used), resumed on Monday 2026-03-02 09:00 MSK
    const paused = pauseRoute(s, 'waiting for the corrected invoice', env('2026-02-24T07:00:00.000Z'))
    expect(paused.events).toEqual([{ type: 'paused', step: 0, reason: 'waiting for the corrected invoice' }])
    expect(paused.state.steps[0]).toMatchObject({
      consumedMinutes: 90,
      resumedAt: null,
      pauseReason: 'waiting for the corrected invoice',
    })
    expect(tickSla(paused.state, env('2026-03-02T05:00:00.000Z')).events).toEqual([])
    const resumed = resumeRoute(paused.state, env('2026-03-02T06:00:00.000Z')).state
    // 1080 - 90 = 990 minutes left: Mon 540, Tue 09:00 + 450 = 16:30
    expect(pendingSlaActions(cal, resumed.steps[0]).find((a) => a.kind === 'remind')!.at).toBe(
      '2026-03-03T13:30:00.000Z',
    )
  })

  it('finance review: no action for 2 working days notifies the operations manager, even when taken', () => {
    const s = decide(
      start(),
      { stepIndex: 0, decision: 'approve', actorId: 3, actorIsOperationsManager: false },
      env('2026-02-24T07:00:00.000Z'),
    ).state
    const taken = takeIntoWork(s, 4, env('2026-02-24T08:00:00.000Z')).state
    expect(pendingSlaActions(cal, taken.steps[1]).map((a) => [a.kind, msk(a.at)])).toEqual([
      ['escalate', '2026-02-26 10:00'],
    ])
  })
})
