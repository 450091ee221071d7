// The head stays silent: checks every 4 working hours, the reminder after 2 working days, the
// operations manager 1 working hour later, who approves instead (a substitute approval). Also:
// Frozen pauses the clock with its reason; two approvers pressing at once produce one decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { approvalHarness, M, U, type Harness } from './harness.ts'
import { COST, ETID, F } from './fake-portal.ts'
import { decideApproval } from '../../../server/use-cases/decide-approval.ts'

let h: Harness
beforeAll(async () => { h = await approvalHarness() })
afterAll(async () => h.dispose())

const request = { [F.counterparty]: ['CO_12'], [F.amount]: '5000|RUB', [F.costItem]: COST.services, [F.initiator]: U.initiator, [F.invoiceFile]: { id: 1 } }
const view = async (itemId: number, user: number) => (await h.api('GET', `/approvals/item/${ETID}/${itemId}`, user)).json()
async function newRequest(): Promise<number> {
  const id = h.portal.userEdit(U.initiator, null, request)
  expect((await h.itemEvent(id)).status).toBe('started')
  await h.drain()
  return id
}

describe('silent head: reminder, escalation, substitute approval', () => {
  it('Friday 17:30 before a holiday Monday: the ladder fires on working moments only; the operations manager approves instead', async () => {
    h.clock.now = new Date('2026-02-20T14:30:00Z') // Fri 17:30 MSK; Mon 2026-02-23 is a holiday
    const itemId = await newRequest()
    const fired = await h.advanceTo('2026-02-25T14:29:00Z') // Wed 17:29 MSK: just before the reminder
    expect(fired).toEqual([
      '2026-02-24T09:30:00.000Z ticked', '2026-02-24T13:30:00.000Z ticked', '2026-02-25T08:30:00.000Z ticked', '2026-02-25T12:30:00.000Z ticked',
    ])
    expect(h.portal.notificationsTo(U.head)).toHaveLength(1)
    expect(h.portal.notificationsTo(U.ops)).toHaveLength(0)
    expect(await h.advanceTo('2026-02-26T06:29:00Z')).toEqual(['2026-02-25T14:30:00.000Z ticked'])
    expect(h.portal.notificationsTo(U.head).at(-1)).toContain('Напоминание')
    expect((await view(itemId, U.head)).steps[0].slaStatus).toBe('reminded')
    expect(h.portal.notificationsTo(U.ops)).toHaveLength(0)
    expect(await h.advanceTo('2026-02-26T07:00:00Z')).toEqual(['2026-02-26T06:30:00.000Z ticked'])
    expect(h.portal.notificationsTo(U.ops)).toEqual([expect.stringContaining('вы можете согласовать её вместо него')])
    const asOps = await view(itemId, U.ops)
    expect(asOps.steps[0].slaStatus).toBe('escalated')
    expect(asOps.viewer).toMatchObject({ canDecide: true, asSubstitute: true })
    const r = await h.api('POST', `/approvals/${asOps.id}/decision`, U.ops, { round: 1, stepIndex: 0, decision: 'approve' })
    expect(r.statusCode, r.body).toBe(200)
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('FINANCE_REVIEW')
    const after = await view(itemId, U.ops)
    expect(after.steps[0]).toMatchObject({ status: 'approved', decidedBy: U.ops, substitute: true })
    expect(after.audit[0]).toMatchObject({ action: 'approval.approved', actor: `user:${U.ops}`, details: { details: { substitute: true } } })
    // the old head timers are stale now: nothing more for the head step
    expect(h.sla.filter((j) => j.data.step === 0 && j.data.approvalId === asOps.id)).toHaveLength(0)
  })

  it('Frozen stops the clock with its reason; moving back resumes it where it stopped', async () => {
    h.clock.now = new Date('2026-03-02T06:00:00Z') // Mon 09:00 MSK
    const itemId = await newRequest()
    h.clock.now = new Date('2026-03-02T07:00:00Z')
    h.portal.userEdit(U.initiator, itemId, { stage: 'FROZEN', [F.pauseReason]: 'ждём оригинал счёта' })
    expect((await h.itemEvent(itemId)).status).toBe('paused')
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('FROZEN')
    const paused = await h.viewAt(itemId, U.head)
    expect(paused.paused).toBe(true)
    expect(paused.steps[0]).toMatchObject({ pauseReason: 'ждём оригинал счёта', elapsedWorkingMinutes: 60, nextSlaAt: null })
    await h.advanceTo('2026-03-10T06:00:00Z') // a week later: the 13:00 timer fired stale
    expect(h.portal.notificationsTo(U.head).filter((m) => m.includes('Напоминание') && m.includes(`Request ${itemId}`))).toHaveLength(0)
    h.portal.userEdit(U.initiator, itemId, { stage: 'HEAD_APPROVAL' })
    expect((await h.itemEvent(itemId)).status).toBe('resumed')
    await h.drain()
    // 60 minutes used; the first 4-hour check is 180 working minutes after Tue 09:00 -> 12:00 MSK
    const resumed = await h.viewAt(itemId, U.head)
    expect(resumed.paused).toBe(false)
    expect(resumed.steps[0]).toMatchObject({ nextSlaAt: '2026-03-10T09:00:00.000Z', pausedAt: null, elapsedWorkingMinutes: 60 })
  })

  it('two approvers pressing at the same moment produce one decision', async () => {
    h.clock.now = new Date('2026-03-11T07:00:00Z')
    const itemId = await newRequest()
    const { id } = await view(itemId, U.head)
    const press = (actorId: number) => decideApproval(h.ports(), { memberId: M, approvalId: id, round: 1, stepIndex: 0, decision: 'approve', actorId }, 'telegram')
    const outcomes = await Promise.all([press(U.head), press(U.ops), press(U.head)])
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already-decided', 'already-decided', 'decided'])
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'approval' AND entity_id = ${String(id)} AND action = 'approval.approved'`.execute(h.t.ctx.database.db)
    expect(rows.rows[0].n).toBe(1)
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('FINANCE_REVIEW')
    expect(h.portal.notificationsTo(U.finance).filter((m) => m.includes(`Request ${itemId}`))).toHaveLength(1)
  })
})
