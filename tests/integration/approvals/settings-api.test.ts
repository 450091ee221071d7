// Admin settings of approvals through the tab's API with real portal tokens: roles and SLA
// (administrators only, validated with clear messages), and how they change the route in the
// sandbox portal: the CFO rule by amount, a configured ladder, self-approval, contracts, taking a
// request into work, and a stage move by someone who may not decide being undone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalWorld, waitFor, type ApprovalWorld } from './world.ts'

let w: ApprovalWorld
let U: ApprovalWorld['U']
beforeAll(async () => {
  w = await approvalWorld()
  U = w.U
}, 60_000)
afterAll(async () => w?.close(), 60_000)

const put = (url: string, body: object, user = U.admin) => w.api('PUT', url, user, body)
const request = (f: Record<string, unknown> = {}) => ({
  counterparty: `CO_${w.companyId}`,
  amount: '100|RUB',
  costItem: 'goods',
  invoiceFile: { id: 1, url: '/f/1' },
  ...f,
})
async function started(user: number): Promise<number> {
  const itemId = await w.save(user, null, request())
  await waitFor('Head approval', () => w.stageOf(itemId) === 'HEAD_APPROVAL')
  await w.settle()
  return itemId
}

describe('approval settings API', () => {
  it('only administrators change roles and SLA; everyone reads them', async () => {
    expect((await put('/approvals/settings/roles', { financeManager: 41 }, U.head)).statusCode).toBe(403)
    expect((await put('/approvals/settings/sla', { cutoff: '12:00' }, U.head)).statusCode).toBe(403)
    const r = await w.api('GET', '/approvals/settings', U.head)
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({
      roles: { financeManager: U.finance, operationsManager: U.ops },
      sla: { cutoff: '13:00', endOfDay: '18:00', cfoRule: null },
    })
    expect(r.json().sla.ladders.head).toEqual({
      checkEveryHours: 4,
      remindAfter: { days: 2, hours: 0 },
      escalateAfter: { days: 2, hours: 1 },
      untilTaken: true,
    })
  })

  it.each([
    [{ financeManager: 'Иванов' }, 'financeManager must be a portal user id'],
    [{ boss: 5 }, 'Unknown role "boss"'],
    [{ cfo: -3 }, 'cfo must be a portal user id'],
  ])('refuses bad roles %j with a clear message', async (body, message) => {
    const r = await put('/approvals/settings/roles', body)
    expect(r.statusCode).toBe(400)
    expect(r.json()).toMatchObject({ error: 'approval.invalid-settings', message: expect.stringContaining(message) })
  })

  it.each([
    [{ cutoff: '25:00' }, 'cutoff must be a time HH:MM'],
    [{ cutoff: '18:30', endOfDay: '18:00' }, 'the cut-off must be earlier than the end of the day'],
    [
      { ladders: { head: { checkEveryHours: 0, remindAfter: null, escalateAfter: null } } },
      'ladders.head.checkEveryHours must be from 0.25 to 240',
    ],
    [
      { ladders: { head: { checkEveryHours: 4, remindAfter: { days: 2 }, escalateAfter: { days: 1 } } } },
      'the escalation must come after the reminder',
    ],
    [{ ladders: { boss: { checkEveryHours: 4 } } }, 'Unknown step "boss"'],
    [{ cfoRule: { minAmount: 10.5 } }, 'cfoRule.minAmount must be a positive amount in kopecks'],
    [{ cfoRule: { costItems: ['yachts'] } }, 'cfoRule.costItems must list cost items'],
    [{ cfoRule: {} }, 'cfoRule needs minAmount or costItems'],
  ])('refuses bad SLA settings %j with a clear message', async (body, message) => {
    const before = (await w.api('GET', '/approvals/settings', U.admin)).json()
    const r = await put('/approvals/settings/sla', body)
    expect(r.statusCode).toBe(400)
    expect(r.json()).toMatchObject({ error: 'approval.invalid-settings', message: expect.stringContaining(message) })
    expect((await w.api('GET', '/approvals/settings', U.admin)).json()).toEqual(before)
  })

  it('a CFO rule and a faster head ladder apply to new requests', async () => {
    const r = await put('/approvals/settings/sla', {
      cfoRule: { minAmount: 100_000_00 },
      ladders: {
        head: { checkEveryHours: 2, remindAfter: { days: 1, hours: 0 }, escalateAfter: { days: 1, hours: 2 } },
      },
    })
    expect(r.statusCode, r.body).toBe(200)
    // Monday 09:00 MSK; neither names its initiator
    const small = (await w.saveAt('2025-06-09T06:00:00Z', U.initiator, null, request({ amount: '99999.99|RUB' })))
      .itemId
    const big = (await w.saveAt('2025-06-09T06:00:00Z', U.initiator, null, request({ amount: '100000|RUB' }))).itemId
    const vs = await w.viewAt('2025-06-09T06:00:00Z', small, U.head)
    const vb = await w.viewAt('2025-06-09T06:00:00Z', big, U.head)
    expect(vs.steps.map((s) => s.id)).toEqual(['head', 'finance', 'accounting'])
    expect(vb.steps.map((s) => [s.id, s.assigneeId])).toEqual([
      ['head', U.head],
      ['cfo', U.cfo],
      ['finance', U.finance],
      ['accounting', U.chief],
    ])
    expect(vb.steps[0].nextSlaAt).toBe('2025-06-09T08:00:00.000Z') // the first check 2 working hours in
    // the request's initiator (no initiator field) falls back to the creator of the item
    expect(vb.steps[0].assigneeId).toBe(U.head)
  })
})

describe('routing', () => {
  it('when the initiator is the head, the approval is offered right in the card', async () => {
    const itemId = await started(U.head)
    const v = await w.view(itemId, U.head)
    expect(v.steps[0]).toMatchObject({ assigneeId: U.head, selfApproval: true })
    expect(v.viewer).toMatchObject({ canDecide: true, asSubstitute: false })
    expect(w.notificationsTo(U.head, String(w.item(itemId).title)).at(-1)).toContain(
      'согласуйте заявку прямо в карточке',
    )
    const r = await w.api('POST', `/approvals/${v.id}/decision`, U.head, {
      round: 1,
      stepIndex: 0,
      decision: 'approve',
    })
    expect(r.json()).toMatchObject({ status: 'decided' })
  })

  it('contracts run the same machinery: legal review, head approval, signing', async () => {
    await put('/approvals/settings/roles', {
      financeManager: U.finance,
      operationsManager: U.ops,
      chiefAccountant: U.chief,
      juniorAccountant: U.junior,
      lawyer: U.lawyer,
      signatory: U.ceo,
    })
    // the contract file goes in its own field: a request without it is refused with the field named
    const itemId = await w.save(
      U.initiator,
      null,
      { counterparty: `CO_${w.companyId}`, initiator: U.initiator, invoiceFile: { id: 8, url: '/f/8' } },
      'contracts',
    )
    await waitFor('the refusal', async () =>
      w.notificationsTo(U.initiator, String(w.item(itemId).title)).some((m) => m.includes('Договор (файл)')),
    )
    expect(await w.ports().approvals.getByItem(w.M, w.ETID, itemId)).toBeFalsy()
    await w.save(U.initiator, itemId, { contractFile: { id: 9, url: '/f/9' } }, 'contracts')
    await waitFor(
      'Legal review',
      async () => (await w.ports().approvals.getByItem(w.M, w.ETID, itemId)) && w.stageOf(itemId) === 'LEGAL_REVIEW',
    )
    await w.settle()
    const v = await w.view(itemId, U.lawyer)
    expect(v.steps.map((s: { id: string; assigneeId: number }) => [s.id, s.assigneeId])).toEqual([
      ['legal', U.lawyer],
      ['head', U.head],
      ['signing', U.ceo],
    ])
    for (const [step, user, stage] of [
      [0, U.lawyer, 'HEAD_APPROVAL'],
      [1, U.head, 'SIGNING'],
      [2, U.ceo, 'SUCCESS'],
    ] as const) {
      await w.save(user, itemId, { stage }, 'contracts')
      await waitFor(
        `step ${step} decided`,
        async () => (await w.record(itemId)).state.steps[step].status === 'approved',
      )
      await w.settle()
      expect(w.stageOf(itemId)).toBe(stage)
      expect((await w.record(itemId)).state.steps[step].decidedBy).toBe(user)
    }
    expect(w.notificationsTo(U.initiator, String(w.item(itemId).title)).at(-1)).toContain('Согласование завершено')
  })

  it('the approver takes the request into work from the tab: the "taken" ladder stops; others cannot take it', async () => {
    const itemId = await started(U.initiator)
    const { id } = await w.record(itemId)
    const byStranger = await w.api('POST', `/approvals/${id}/take`, U.stranger)
    expect(byStranger.json().steps[0].takenAt).toBeNull()
    const r = await w.api('POST', `/approvals/${id}/take`, U.head)
    expect(r.statusCode).toBe(200)
    expect(r.json().steps[0]).toMatchObject({ takenAt: expect.any(String), nextSlaAt: null })
    expect(r.json().viewer).toMatchObject({ canTake: false, canDecide: true })
    expect(r.json().audit[0]).toMatchObject({ action: 'approval.taken', actor: `user:${U.head}` })
  })

  it('a stage move by someone who may not decide is undone and they are told why', async () => {
    const itemId = await started(U.initiator)
    await w.save(U.stranger, itemId, { stage: 'ACCOUNTING' })
    await waitFor('the refusal', () => w.notificationsTo(U.stranger).length > 0)
    await w.settle()
    expect(w.stageOf(itemId)).toBe('HEAD_APPROVAL')
    expect(w.notificationsTo(U.stranger)).toEqual([expect.stringContaining('отменено')])
    const audit = await w.ctx.repos.audit.list(w.M, 'approval', String((await w.record(itemId)).id), 100)
    expect(audit[0]).toMatchObject({ action: 'approval.move-refused', actor: `user:${U.stranger}` })
    expect((await w.view(itemId, U.head)).currentStep).toBe(0)
  })
})
