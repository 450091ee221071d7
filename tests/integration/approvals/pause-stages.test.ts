// Frozen and Documents request pause the SLA clock: the reason is recorded, the timers that fire
// meanwhile change nothing, and moving the card back resumes the clock where it stopped and the
// route goes on. Each move is handled at its chosen moment, so the used working time is exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalWorld, waitFor, type ApprovalWorld } from './world.ts'
import { decideApproval } from '../../../server/use-cases/approvals/decide-approval.ts'

let w: ApprovalWorld
beforeAll(async () => {
  w = await approvalWorld()
}, 60_000)
afterAll(async () => w?.close(), 60_000)

const request = () => ({
  counterparty: `CO_${w.companyId}`,
  amount: '5000|RUB',
  costItem: 'services',
  initiator: w.U.initiator,
  invoiceFile: { id: 1, url: '/f/1' },
})
async function startedAt(at: string): Promise<{ itemId: number; title: string }> {
  const { itemId, outcome } = await w.saveAt(at, w.U.initiator, null, request())
  expect(outcome.status).toBe('started')
  await waitFor('Head approval', () => w.stageOf(itemId) === 'HEAD_APPROVAL')
  return { itemId, title: String(w.item(itemId).title) }
}
const pausedAudit = async (itemId: number) =>
  (await w.ctx.repos.audit.list(w.M, 'approval', String((await w.record(itemId)).id), 100)).find(
    (a) => a.action === 'approval.paused',
  )

describe('pause stages', () => {
  it('Frozen stops the clock with its reason; moving back resumes it where it stopped', async () => {
    const { U } = w
    const { itemId, title } = await startedAt('2026-03-02T06:00:00Z') // Mon 09:00 MSK
    expect((await w.viewAt('2026-03-02T06:00:00Z', itemId, U.head)).steps[0].nextSlaAt).toBe('2026-03-02T10:00:00.000Z') // the 13:00 check
    const frozen = await w.saveAt('2026-03-02T07:00:00Z', U.initiator, itemId, {
      stage: 'FROZEN',
      pauseReason: 'ждём оригинал счёта',
    })
    expect(frozen.outcome.status).toBe('paused')
    expect(w.stageOf(itemId)).toBe('FROZEN')
    const paused = await w.viewAt('2026-03-02T07:00:00Z', itemId, U.head)
    expect(paused.paused).toBe(true)
    expect(paused.steps[0]).toMatchObject({
      pauseReason: 'ждём оригинал счёта',
      elapsedWorkingMinutes: 60,
      nextSlaAt: null,
    })
    expect(await pausedAudit(itemId)).toMatchObject({
      actor: `user:${U.initiator}`,
      details: { details: { reason: 'ждём оригинал счёта', stage: 'FROZEN' } },
    })
    // a week later: the 13:00 timer fired stale
    expect(await w.advanceTo('2026-03-10T06:00:00Z')).toEqual(['2026-03-02T10:00:00.000Z stale'])
    expect(w.notificationsTo(U.head, title).filter((m) => m.includes('Напоминание'))).toHaveLength(0)
    const back = await w.saveAt('2026-03-10T06:00:00Z', U.initiator, itemId, { stage: 'HEAD_APPROVAL' })
    expect(back.outcome.status).toBe('resumed')
    // 60 minutes used; the first 4-hour check is 180 working minutes after Tue 09:00 -> 12:00 MSK
    const resumed = await w.viewAt('2026-03-10T06:00:00Z', itemId, U.head)
    expect(resumed.paused).toBe(false)
    expect(resumed.steps[0]).toMatchObject({
      nextSlaAt: '2026-03-10T09:00:00.000Z',
      pausedAt: null,
      elapsedWorkingMinutes: 60,
    })
    expect((await w.slaTimers()).map((t) => t.at.toISOString())).toEqual(['2026-03-10T09:00:00.000Z'])
  })

  it('Documents request pauses the finance review with its reason; back in Finance review the clock and the route go on', async () => {
    const { U } = w
    const { itemId, title } = await startedAt('2026-03-11T06:00:00Z') // Wed 09:00 MSK
    const { id: approvalId } = await w.record(itemId)
    await decideApproval(
      w.ports(new Date('2026-03-11T07:00:00Z')),
      { memberId: w.M, approvalId, round: 1, stepIndex: 0, decision: 'approve', actorId: U.head },
      'ui',
    )
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    const asked = await w.saveAt('2026-03-11T08:00:00Z', U.finance, itemId, {
      stage: 'DOCS_REQUEST',
      pauseReason: 'нужен акт сверки за квартал',
    })
    expect(asked.outcome.status).toBe('paused')
    expect(w.stageOf(itemId)).toBe('DOCS_REQUEST')
    const paused = await w.viewAt('2026-03-11T08:00:00Z', itemId, U.finance)
    expect(paused).toMatchObject({ paused: true, currentStep: 1, viewer: { canDecide: false } })
    expect(paused.steps[1]).toMatchObject({
      pauseReason: 'нужен акт сверки за квартал',
      elapsedWorkingMinutes: 60,
      nextSlaAt: null,
    })
    expect(await pausedAudit(itemId)).toMatchObject({
      actor: `user:${U.finance}`,
      details: { details: { reason: 'нужен акт сверки за квартал', stage: 'DOCS_REQUEST' } },
    })
    // the decided head step's 13:00 check and the finance escalation (2 working days: Fri 10:00 MSK) fire stale
    expect(await w.advanceTo('2026-03-20T06:00:00Z', approvalId)).toEqual([
      '2026-03-11T10:00:00.000Z stale',
      '2026-03-13T07:00:00.000Z stale',
    ])
    expect(w.notificationsTo(U.ops, title)).toHaveLength(0)
    const back = await w.saveAt('2026-03-20T06:00:00Z', U.finance, itemId, { stage: 'FINANCE_REVIEW' })
    expect(back.outcome.status).toBe('resumed')
    // 60 of 1080 working minutes used: 540 on Fri 20th, the other 480 on Mon 23rd -> 17:00 MSK
    const resumed = await w.viewAt('2026-03-20T06:00:00Z', itemId, U.finance)
    expect(resumed).toMatchObject({ paused: false, currentStep: 1, viewer: { canDecide: true } })
    expect(resumed.steps[1]).toMatchObject({
      pausedAt: null,
      elapsedWorkingMinutes: 60,
      nextSlaAt: '2026-03-23T14:00:00.000Z',
    })
    await decideApproval(
      w.ports(new Date('2026-03-20T07:00:00Z')),
      { memberId: w.M, approvalId, round: 1, stepIndex: 1, decision: 'approve', actorId: U.finance },
      'ui',
    )
    await waitFor(
      'Accounting with both tasks',
      () => w.stageOf(itemId) === 'ACCOUNTING' && w.tasksOf(itemId).length === 2,
    )
    expect((await w.record(itemId)).state.steps.map((s) => s.status)).toEqual(['approved', 'approved', 'active'])
  })
})
