import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar/index.ts'
import { defaultDunningRules } from './default-rules.ts'
import { offsetDate } from './step-date.ts'
import { planDunning } from './plan-dunning.ts'
import type { ReceivableDunning } from './types.ts'

const cal = createWorkingCalendar({ timezone: 'Europe/Moscow' })
const rules = defaultDunningRules()

const rec = (o: Partial<ReceivableDunning> = {}): ReceivableDunning => ({
  receivableId: 1,
  invoiceDate: '2025-05-20',
  dueDate: '2025-06-16',
  amount: 100_000_00,
  remaining: 100_000_00,
  riskSegment: 'normal',
  counterpartySegment: null,
  legalEntity: null,
  counterpartyDebt: 100_000_00,
  doNotDun: false,
  pause: null,
  promise: null,
  claimSentOn: null,
  counterpartyOverride: null,
  receivableOverride: null,
  done: {},
  ...o,
})

describe('ladder dates', () => {
  it('5 working days before 16.06.2025 is 05.06.2025 (12-13 June off)', () => {
    expect(offsetDate(cal, '2025-06-16', -5, 'working', 'next')).toBe('2025-06-05')
    const plan = planDunning(rec(), rules, cal, '2025-06-01')
    expect(plan.reminders.slice(0, 5).map((p) => p.date)).toEqual([
      '2025-06-05',
      '2025-06-16',
      '2025-06-17',
      '2025-06-19',
      '2025-06-30',
    ])
  })
  it('day-off rule moves a calendar-day step to the next or previous working day, or keeps it', () => {
    expect(offsetDate(cal, '2025-06-10', 2, 'calendar', 'next')).toBe('2025-06-16')
    expect(offsetDate(cal, '2025-06-10', 2, 'calendar', 'previous')).toBe('2025-06-11')
    expect(offsetDate(cal, '2025-06-10', 2, 'calendar', 'keep')).toBe('2025-06-12')
  })
  it('the repeating tail follows the last step every N working days', () => {
    const plan = planDunning(rec(), rules, cal, '2025-06-01')
    const tail = plan.reminders.filter((p) => p.stepId.startsWith('tail-'))
    expect(tail).toHaveLength(8)
    expect(tail[0].date).toBe('2025-07-09')
    expect(tail[1].date).toBe('2025-07-18')
  })
  it('previous-anchor and claim-sent anchors', () => {
    const r = structuredClone(rules)
    r.ladders[0].steps.push({
      id: 'after-claim',
      anchor: 'claim-sent',
      offset: 2,
      unit: 'working',
      dayOff: 'next',
      channels: ['email'],
      template: 'overdue',
    })
    r.ladders[0].steps.splice(2, 0, {
      id: 'prev-2',
      anchor: 'previous',
      offset: 2,
      unit: 'calendar',
      dayOff: 'next',
      channels: ['email'],
      template: 'overdue',
    })
    const plan = planDunning(rec(), r, cal, '2025-06-01')
    expect(plan.reminders.find((p) => p.stepId === 'prev-2')!.date).toBe('2025-06-18')
    expect(plan.reminders.find((p) => p.stepId === 'after-claim')!.status).toBe('no-anchor')
    const sent = planDunning(rec({ claimSentOn: '2025-07-04' }), r, cal, '2025-06-01')
    expect(sent.reminders.find((p) => p.stepId === 'after-claim')!.date).toBe('2025-07-08')
  })
})

describe('what is due', () => {
  it('the step of today is due; nothing on a day off; the missed one goes the next working day only', () => {
    expect(planDunning(rec(), rules, cal, '2025-06-05').dueReminder?.stepId).toBe('before-5')
    expect(planDunning(rec(), rules, cal, '2025-06-04').dueReminder).toBeNull()
    const r2 = rec({ dueDate: '2025-06-11' })
    expect(planDunning(r2, rules, cal, '2025-06-13').dueReminder).toBeNull() // 13.06.2025 is a day off
    expect(planDunning(r2, rules, cal, '2025-06-16').dueReminder?.stepId).toBe('after-1')
  })
  it('only the latest unsent step goes (no flood), older ones are missed; a done step is never due again', () => {
    const plan = planDunning(rec(), rules, cal, '2025-06-19')
    expect(plan.dueReminder?.stepId).toBe('after-3')
    expect(plan.reminders.filter((p) => p.status === 'missed').map((p) => p.stepId)).toEqual([
      'before-5',
      'due-day',
      'after-1',
    ])
    const done = planDunning(
      rec({ done: { 'r.after-3': { on: '2025-06-19', status: 'sent' } } }),
      rules,
      cal,
      '2025-06-19',
    )
    expect(done.dueReminder).toBeNull()
  })
  it('a step older than the catch-up window is not sent', () => {
    expect(planDunning(rec(), rules, cal, '2025-06-26').dueReminder).toBeNull()
  })
  it('paid: nothing due, everything stopped', () => {
    const plan = planDunning(rec({ remaining: 0 }), rules, cal, '2025-06-16')
    expect(plan.block).toBe('paid')
    expect(plan.dueReminder).toBeNull()
    expect(plan.dueEscalations).toEqual([])
  })
  it('do not dun (receivable override or flag)', () => {
    expect(planDunning(rec({ doNotDun: true }), rules, cal, '2025-06-16').block).toBe('do-not-dun')
    expect(
      planDunning(rec({ receivableOverride: { doNotDun: true } }), rules, cal, '2025-06-16').dueReminder,
    ).toBeNull()
  })
  it('pause until a date; resumes the day after with the latest step', () => {
    const r = rec({ pause: { until: '2025-06-17', reason: 'dispute' } })
    expect(planDunning(r, rules, cal, '2025-06-17').block).toBe('paused')
    expect(planDunning(r, rules, cal, '2025-06-17').dueReminder).toBeNull()
    expect(planDunning(r, rules, cal, '2025-06-18').dueReminder?.stepId).toBe('after-1')
  })
})

describe('escalation', () => {
  it('timers 3, 10, 30 days overdue for normal risk, faster for high risk', () => {
    const plan = planDunning(rec(), rules, cal, '2025-06-01')
    expect(plan.escalations.map((e) => e.date)).toEqual(['2025-06-19', '2025-06-26', '2025-07-16'])
    const high = planDunning(rec({ riskSegment: 'high' }), rules, cal, '2025-06-01')
    expect(high.escalations.map((e) => e.date)).toEqual(['2025-06-17', '2025-06-23', '2025-07-01'])
    expect(high.escalations[2].step.openClaim).toBe(true)
  })
  it('due escalations catch up once each', () => {
    const plan = planDunning(
      rec({ done: { 'e.esc-1': { on: '2025-06-19', status: 'sent' } } }),
      rules,
      cal,
      '2025-07-16',
    )
    expect(plan.dueEscalations.map((e) => e.step.id)).toEqual(['esc-2', 'esc-3'])
  })
  it('segment selection: legal entity / counterparty segment / min debt narrow; overrides win', () => {
    const r = structuredClone(rules)
    r.rules.push({ id: 'big', riskSegment: 'normal', minDebt: 1_000_000_00, ladder: 'soft', escalation: [] })
    expect(planDunning(rec(), r, cal, '2025-06-01').ruleId).toBe('normal')
    expect(planDunning(rec({ counterpartyDebt: 2_000_000_00 }), r, cal, '2025-06-01').ruleId).toBe('big')
    expect(planDunning(rec({ counterpartyOverride: { riskSegment: 'low' } }), r, cal, '2025-06-01').ladderId).toBe(
      'soft',
    )
    expect(
      planDunning(
        rec({ counterpartyOverride: { riskSegment: 'low' }, receivableOverride: { riskSegment: 'high' } }),
        r,
        cal,
        '2025-06-01',
      ).riskSegment,
    ).toBe('high')
  })
})

describe('promise to pay', () => {
  const promise = { date: '2025-06-25', amount: 40_000_00, recordedOn: '2025-06-17', remainingAtRecord: 100_000_00 }
  it('pauses reminders and escalations until the promised date', () => {
    const plan = planDunning(rec({ promise }), rules, cal, '2025-06-19')
    expect(plan.block).toBe('promise')
    expect(plan.dueReminder).toBeNull()
    expect(plan.dueEscalations).toEqual([])
  })
  it('kept: the paid amount reaches the promise; dunning resumes on the normal timers', () => {
    const plan = planDunning(rec({ promise, remaining: 60_000_00 }), rules, cal, '2025-06-26')
    expect(plan.promise).toBe('kept')
    expect(plan.dueEscalations.map((e) => e.reason)).toEqual(['timer', 'timer'])
  })
  it('broken: the next escalation comes at once, and only once', () => {
    const done = {
      'e.esc-1': { on: '2025-06-19', status: 'sent' as const },
      'e.esc-2': { on: '2025-06-24', status: 'sent' as const },
    }
    const plan = planDunning(rec({ promise, remaining: 90_000_00, done }), rules, cal, '2025-06-26')
    expect(plan.promise).toBe('broken')
    expect(plan.dueEscalations.map((e) => [e.step.id, e.reason])).toEqual([['esc-3', 'broken-promise']])
    const after = planDunning(
      rec({ promise, remaining: 90_000_00, done: { ...done, 'e.esc-3': { on: '2025-06-26', status: 'sent' } } }),
      rules,
      cal,
      '2025-06-27',
    )
    expect(after.dueEscalations).toEqual([])
  })
})
