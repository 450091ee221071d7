// The head stays silent: checks every 4 working hours, the reminder after 2 working days, the
// operations manager 1 working hour later, who approves instead in the tab (a substitute
// approval, recorded as such). The request is saved on a Friday evening before a holiday Monday;
// the queued SLA timers are fired at their moments, so the ladder is checked to the minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalWorld, waitFor, type ApprovalWorld } from './world.ts'

let w: ApprovalWorld
beforeAll(async () => {
  w = await approvalWorld()
}, 60_000)
afterAll(async () => w?.close(), 60_000)

describe('silent head: reminder, escalation, substitute approval', () => {
  it('Friday 17:30 before a holiday Monday: the ladder fires on working moments only; the operations manager approves instead', async () => {
    const { U } = w
    const request = {
      counterparty: `CO_${w.companyId}`,
      amount: '5000|RUB',
      costItem: 'services',
      initiator: U.initiator,
      invoiceFile: { id: 1, url: '/f/1' },
    }
    const { itemId, outcome } = await w.saveAt('2026-02-20T14:30:00Z', U.initiator, null, request) // Fri 17:30 MSK; Mon 2026-02-23 is a holiday
    expect(outcome.status).toBe('started')
    await waitFor(
      'the head notified',
      () => w.stageOf(itemId) === 'HEAD_APPROVAL' && w.notificationsTo(U.head).length === 1,
    )
    const fired = await w.advanceTo('2026-02-25T14:29:00Z') // Wed 17:29 MSK: just before the reminder
    expect(fired).toEqual([
      '2026-02-24T09:30:00.000Z ticked',
      '2026-02-24T13:30:00.000Z ticked',
      '2026-02-25T08:30:00.000Z ticked',
      '2026-02-25T12:30:00.000Z ticked',
    ])
    expect(w.notificationsTo(U.head)).toHaveLength(1)
    expect(w.notificationsTo(U.ops)).toHaveLength(0)
    expect(await w.advanceTo('2026-02-26T06:29:00Z')).toEqual(['2026-02-25T14:30:00.000Z ticked'])
    expect(w.notificationsTo(U.head).at(-1)).toContain('Напоминание')
    expect((await w.view(itemId, U.head)).steps[0].slaStatus).toBe('reminded')
    expect(w.notificationsTo(U.ops)).toHaveLength(0)
    expect(await w.advanceTo('2026-02-26T07:00:00Z')).toEqual(['2026-02-26T06:30:00.000Z ticked'])
    expect(w.notificationsTo(U.ops)).toEqual([expect.stringContaining('вы можете согласовать её вместо него')])
    const asOps = await w.view(itemId, U.ops)
    expect(asOps.steps[0].slaStatus).toBe('escalated')
    expect(asOps.viewer).toMatchObject({ canDecide: true, asSubstitute: true })
    const r = await w.api('POST', `/approvals/${asOps.id}/decision`, U.ops, {
      round: 1,
      stepIndex: 0,
      decision: 'approve',
    })
    expect(r.statusCode, r.body).toBe(200)
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    const after = await w.view(itemId, U.ops)
    expect(after.steps[0]).toMatchObject({ status: 'approved', decidedBy: U.ops, substitute: true })
    expect(after.audit[0]).toMatchObject({
      action: 'approval.approved',
      actor: `user:${U.ops}`,
      details: { details: { substitute: true } },
    })
    // the request's timeline says who decided instead of whom, and that the SLA was breached
    const entry = w.sb.admin
      .comments(w.portalId)
      .filter((c) => Number(c.ENTITY_ID) === itemId && String(c.COMMENT).startsWith('Согласование, шаг'))
      .map((c) => String(c.COMMENT))
    expect(entry).toHaveLength(1)
    expect(entry[0]).toContain('Кто: Операционный Тестов (вместо: Глава Тестов)')
    expect(entry[0]).toContain('SLA: нарушен (эскалация)')
    // the old head timers are stale now: nothing more queued for the head step
    expect((await w.slaTimers()).filter((t) => t.data.step === 0 && t.data.approvalId === asOps.id)).toHaveLength(0)
  })
})
