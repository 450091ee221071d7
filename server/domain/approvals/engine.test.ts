import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar/index.ts'
import { defaultRoute } from './routes.ts'
import { canDecide, decide, progressAccounting, startRoute, type EngineEnv } from './engine.ts'
import { resolveDepartmentHead } from './department-head.ts'
import { describeMissing, missingRequestFields } from './validate-request.ts'
import { ApprovalError } from './approval-error.ts'

const cal = createWorkingCalendar({ timezone: 'Europe/Moscow' })
const env: EngineEnv = { cal, now: '2025-06-09T07:00:00.000Z' } // Monday 10:00 MSK
const facts = { initiatorId: 7, amount: 100_000, costItem: 'goods', paymentDeadline: null }
const assign = {
  head: { assigneeId: 3 },
  cfo: { assigneeId: 9 },
  finance: { assigneeId: 4 },
  accounting: { assigneeId: 5 },
}
const err = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    return (e as ApprovalError).code
  }
  return null
}

describe('route engine', () => {
  it('walks head -> finance -> accounting -> done; the accounting step gets its cut-off deadline', () => {
    let t = startRoute(defaultRoute('payments'), facts, assign, env, null)
    expect(t.state.steps.map((s) => s.id)).toEqual(['head', 'finance', 'accounting'])
    t = decide(t.state, { stepIndex: 0, decision: 'approve', actorId: 3, actorIsOperationsManager: false }, env)
    t = decide(t.state, { stepIndex: 1, decision: 'approve', actorId: 4, actorIsOperationsManager: false }, env)
    expect(t.events).toEqual([
      { type: 'step-approved', step: 1, by: 4, substitute: false },
      { type: 'step-started', step: 2 },
      { type: 'accounting-started', deadline: '2025-06-09T15:00:00.000Z' },
    ])
    t = progressAccounting(t.state, { mainDone: true, subDone: true, paymentOrderAttached: false }, env)
    expect(t.state.status).toBe('in-progress')
    t = progressAccounting(t.state, { paymentOrderAttached: true }, env)
    expect(t.state.status).toBe('done')
    expect(t.events).toEqual([{ type: 'completed' }])
  })

  it('above the CFO threshold (or for a listed cost item) the CFO approves too', () => {
    const route = defaultRoute('payments', { cfoRule: { minAmount: 50_000_000, costItems: ['it'] } })
    expect(startRoute(route, facts, assign, env, null).state.steps.map((s) => s.id)).toEqual([
      'head',
      'finance',
      'accounting',
    ])
    expect(startRoute(route, { ...facts, amount: 60_000_000 }, assign, env, null).state.steps.map((s) => s.id)).toEqual(
      ['head', 'cfo', 'finance', 'accounting'],
    )
    expect(startRoute(route, { ...facts, costItem: 'it' }, assign, env, null).state.steps.map((s) => s.id)).toEqual([
      'head',
      'cfo',
      'finance',
      'accounting',
    ])
  })

  it('a rejection needs a reason, stops the route; a restart begins a new round from the first step', () => {
    const route = defaultRoute('payments')
    let t = startRoute(route, facts, assign, env, null)
    t = decide(t.state, { stepIndex: 0, decision: 'approve', actorId: 3, actorIsOperationsManager: false }, env)
    expect(
      err(() =>
        decide(
          t.state,
          { stepIndex: 1, decision: 'reject', actorId: 4, actorIsOperationsManager: false, reason: '  ' },
          env,
        ),
      ),
    ).toBe('approval.reason-required')
    t = decide(
      t.state,
      { stepIndex: 1, decision: 'reject', actorId: 4, actorIsOperationsManager: false, reason: 'wrong INN' },
      env,
    )
    expect(t.state.status).toBe('rejected')
    expect(t.events).toEqual([{ type: 'rejected', step: 1, by: 4, reason: 'wrong INN', substitute: false }])
    const again = startRoute(route, facts, assign, env, t.state)
    expect(again.state).toMatchObject({ round: 2, status: 'in-progress' })
    expect(again.state.steps[0].status).toBe('active')
  })

  it('only the assignee or the operations manager (as substitute) decides; a stale step is refused', () => {
    const s = startRoute(defaultRoute('payments'), facts, assign, env, null).state
    expect(canDecide(s, 3, false)).toBe(true)
    expect(canDecide(s, 4, false)).toBe(false)
    expect(canDecide(s, 8, true)).toBe(true)
    expect(
      err(() => decide(s, { stepIndex: 0, decision: 'approve', actorId: 4, actorIsOperationsManager: false }, env)),
    ).toBe('approval.not-your-step')
    expect(
      err(() => decide(s, { stepIndex: 1, decision: 'approve', actorId: 4, actorIsOperationsManager: false }, env)),
    ).toBe('approval.stale-step')
    const t = decide(s, { stepIndex: 0, decision: 'approve', actorId: 8, actorIsOperationsManager: true }, env)
    expect(t.state.steps[0]).toMatchObject({ status: 'approved', decidedBy: 8, substitute: true })
  })

  it('contracts run the same machinery: legal review, head approval, signing', () => {
    const t = startRoute(
      defaultRoute('contracts'),
      facts,
      { legal: { assigneeId: 11 }, head: { assigneeId: 3 }, signing: { assigneeId: 12 } },
      env,
      null,
    )
    expect(t.state.steps.map((s) => [s.id, s.stage, s.assigneeId])).toEqual([
      ['legal', 'LEGAL_REVIEW', 11],
      ['head', 'HEAD_APPROVAL', 3],
      ['signing', 'SIGNING', 12],
    ])
  })
})

describe('department head', () => {
  const deps = [
    { id: 1, parentId: null, headId: 1 },
    { id: 2, parentId: 1, headId: 20 },
    { id: 3, parentId: 2, headId: null },
  ]
  it('routes to the head; walks up when the department has no head; the head approves themselves at the top', () => {
    expect(resolveDepartmentHead(deps, 30, [2])).toEqual({ kind: 'head', userId: 20 })
    expect(resolveDepartmentHead(deps, 31, [3])).toEqual({ kind: 'head', userId: 20 })
    expect(resolveDepartmentHead(deps, 20, [2])).toEqual({ kind: 'self', userId: 20 })
    expect(resolveDepartmentHead(deps, 1, [1])).toEqual({ kind: 'self', userId: 1 })
    expect(resolveDepartmentHead(deps, 5, [99])).toEqual({ kind: 'none' })
  })
})

describe('request validation', () => {
  it('names the missing fields', () => {
    const missing = missingRequestFields({ counterparty: 'CO_1', amount: null, costItem: null, invoiceAttached: false })
    expect(missing).toEqual(['amount', 'costItem', 'invoiceAttached'])
    expect(describeMissing(missing, 'en')).toBe('The request is incomplete: Amount, Cost item, Invoice file')
    expect(missingRequestFields({ counterparty: 'CO_1', amount: 1, costItem: 'it', invoiceAttached: true })).toEqual([])
  })
})
