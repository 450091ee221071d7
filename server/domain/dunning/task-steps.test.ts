import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar/index.ts'
import {
  defaultDunningRules,
  planDunning,
  validateDunningRules,
  type DunningRules,
  type ReceivableDunning,
} from './index.ts'

// Europe/Moscow, the 2026 production calendar; due on Monday 2026-04-20 (a working day)
const cal = createWorkingCalendar({ timezone: 'Europe/Moscow', missingYear: 'art-112' })
const r = (p: Partial<ReceivableDunning> = {}): ReceivableDunning => ({
  receivableId: 1,
  invoiceDate: '2026-04-06',
  dueDate: '2026-04-20',
  amount: 100_000,
  remaining: 100_000,
  riskSegment: 'normal',
  counterpartySegment: null,
  legalEntity: null,
  counterpartyDebt: 100_000,
  doNotDun: false,
  pause: null,
  promise: null,
  claimSentOn: null,
  counterpartyOverride: null,
  receivableOverride: null,
  done: {},
  ...p,
})
function rulesWith(tasks: unknown, patch: Partial<DunningRules> = {}): DunningRules {
  const rules = defaultDunningRules()
  return { ...rules, ...patch, ladders: rules.ladders.map((l) => ({ ...l, tasks: tasks as never })) }
}
const check = {
  id: 'check-invoice',
  offset: -5,
  assignee: 'responsible',
  template: 'task-check-invoice',
  deadlineDays: 1,
}

describe('ladder task steps', () => {
  it('falls 5 working days before the due day and is due that day only (then within catch-up)', () => {
    const rules = rulesWith([check])
    expect(planDunning(r(), rules, cal, '2026-04-10').tasks[0]).toMatchObject({ date: '2026-04-13', status: 'waiting' })
    const due = planDunning(r(), rules, cal, '2026-04-13')
    expect(due.dueTasks.map((t) => t.key)).toEqual(['t.check-invoice'])
    const late = planDunning(r(), rules, cal, '2026-05-12')
    expect(late.tasks[0].status).toBe('missed')
  })
  it('after the due day too, and never twice: a logged step is done', () => {
    const rules = rulesWith([{ ...check, id: 'call', offset: 2 }])
    expect(planDunning(r(), rules, cal, '2026-04-22').dueTasks[0]).toMatchObject({ date: '2026-04-22' })
    const done = planDunning(r({ done: { 't.call': { on: '2026-04-22', status: 'sent' } } }), rules, cal, '2026-04-22')
    expect(done.dueTasks).toEqual([])
    expect(done.tasks[0].status).toBe('done')
  })
  it('a paid invoice stops it, a paused one holds it', () => {
    const rules = rulesWith([check])
    expect(planDunning(r({ remaining: 0 }), rules, cal, '2026-04-13').tasks[0].status).toBe('stopped')
    const paused = planDunning(r({ pause: { until: '2026-04-16', reason: 'x' } }), rules, cal, '2026-04-13')
    expect(paused.tasks[0].status).toBe('paused')
  })
  it('refuses an offset beyond a year, a role nobody holds, an unknown template, naming each', () => {
    const bad = rulesWith([
      { ...check, offset: -300 },
      { ...check, id: 'legal', assignee: 'lawyer', template: 'nope', deadlineDays: 31 },
    ])
    let errors: string[] = []
    try {
      validateDunningRules(bad)
    } catch (e) {
      errors = (e as { details?: { errors: string[] } }).details?.errors ?? []
    }
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/tasks\[0\]\.offset: .*-250 to 250/),
        expect.stringMatching(/tasks\[1\]\.assignee: nobody holds the lawyer role/),
        expect.stringMatching(/tasks\[1\]\.template: unknown template "nope"/),
        expect.stringMatching(/tasks\[1\]\.deadlineDays/),
      ]),
    )
    expect(() => validateDunningRules(rulesWith([{ ...check, assignee: 'lawyer' }], { lawyerId: 7 }))).not.toThrow()
    expect(() => validateDunningRules(rulesWith([check]))).not.toThrow()
  })
})
