// Admin settings of approvals: roles and SLA (administrators only, validated with clear messages),
// and how they change the route: the CFO rule, a configured ladder, the accounting cut-off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalHarness, U, type Harness } from './harness.ts'
import { COST, ETID, F } from './fake-portal.ts'

let h: Harness
beforeAll(async () => { h = await approvalHarness() })
afterAll(async () => h.dispose())

const ADMIN = 'admin-1'
const put = (url: string, body: object, user: number | string = ADMIN) => h.api('PUT', url, user, body)

describe('approval settings API', () => {
  it('only administrators change roles and SLA; everyone reads them', async () => {
    expect((await put('/approvals/settings/roles', { financeManager: 41 }, U.head)).statusCode).toBe(403)
    expect((await put('/approvals/settings/sla', { cutoff: '12:00' }, U.head)).statusCode).toBe(403)
    const r = await h.api('GET', '/approvals/settings', U.head)
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ roles: { financeManager: U.finance, operationsManager: U.ops }, sla: { cutoff: '13:00', endOfDay: '18:00', cfoRule: null } })
    expect(r.json().sla.ladders.head).toEqual({ checkEveryHours: 4, remindAfter: { days: 2, hours: 0 }, escalateAfter: { days: 2, hours: 1 }, untilTaken: true })
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
    [{ ladders: { head: { checkEveryHours: 0, remindAfter: null, escalateAfter: null } } }, 'ladders.head.checkEveryHours must be from 0.25 to 240'],
    [{ ladders: { head: { checkEveryHours: 4, remindAfter: { days: 2 }, escalateAfter: { days: 1 } } } }, 'the escalation must come after the reminder'],
    [{ ladders: { boss: { checkEveryHours: 4 } } }, 'Unknown step "boss"'],
    [{ cfoRule: { minAmount: 10.5 } }, 'cfoRule.minAmount must be a positive amount in kopecks'],
    [{ cfoRule: { costItems: ['yachts'] } }, 'cfoRule.costItems must list cost items'],
    [{ cfoRule: {} }, 'cfoRule needs minAmount or costItems'],
  ])('refuses bad SLA settings %j with a clear message', async (body, message) => {
    const before = (await h.api('GET', '/approvals/settings', ADMIN)).json()
    const r = await put('/approvals/settings/sla', body)
    expect(r.statusCode).toBe(400)
    expect(r.json()).toMatchObject({ error: 'approval.invalid-settings', message: expect.stringContaining(message) })
    expect((await h.api('GET', '/approvals/settings', ADMIN)).json()).toEqual(before)
  })

  it('a CFO rule and a faster head ladder apply to new requests', async () => {
    const r = await put('/approvals/settings/sla', {
      cfoRule: { minAmount: 100_000_00 }, ladders: { head: { checkEveryHours: 2, remindAfter: { days: 1, hours: 0 }, escalateAfter: { days: 1, hours: 2 } } },
    })
    expect(r.statusCode, r.body).toBe(200)
    h.clock.now = new Date('2025-06-09T06:00:00Z') // Monday 09:00 MSK
    const small = h.portal.userEdit(U.initiator, null, { [F.counterparty]: ['CO_1'], [F.amount]: '99999.99|RUB', [F.costItem]: COST.goods, [F.invoiceFile]: { id: 1 } })
    const big = h.portal.userEdit(U.initiator, null, { [F.counterparty]: ['CO_1'], [F.amount]: '100000|RUB', [F.costItem]: COST.goods, [F.invoiceFile]: { id: 1 } })
    await h.itemEvent(small)
    await h.itemEvent(big)
    await h.drain()
    const vs = await h.viewAt(small, U.head)
    const vb = await h.viewAt(big, U.head)
    expect(vs.steps.map((s) => s.id)).toEqual(['head', 'finance', 'accounting'])
    expect(vb.steps.map((s) => [s.id, s.assigneeId])).toEqual([['head', U.head], ['cfo', U.cfo], ['finance', U.finance], ['accounting', U.chief]])
    expect(vb.steps[0].nextSlaAt).toBe('2025-06-09T08:00:00.000Z') // the first check 2 working hours in
    // the request's initiator (no initiator field) falls back to the creator of the item
    expect(vb.steps[0].assigneeId).toBe(U.head)
  })
})

describe('routing', () => {
  it('when the initiator is the head, the approval is offered right in the card', async () => {
    h.clock.now = new Date('2025-06-10T07:00:00Z')
    const itemId = h.portal.userEdit(U.head, null, { [F.counterparty]: ['CO_1'], [F.amount]: '100|RUB', [F.costItem]: COST.goods, [F.invoiceFile]: { id: 1 } })
    expect((await h.itemEvent(itemId)).status).toBe('started')
    await h.drain()
    const v = await h.viewAt(itemId, U.head)
    expect(v.steps[0]).toMatchObject({ assigneeId: U.head, selfApproval: true })
    expect(v.viewer).toMatchObject({ canDecide: true, asSubstitute: false })
    expect(h.portal.notificationsTo(U.head).at(-1)).toContain('согласуйте заявку прямо в карточке')
    const r = await h.api('POST', `/approvals/${v.id}/decision`, U.head, { round: 1, stepIndex: 0, decision: 'approve' })
    expect(r.json()).toMatchObject({ status: 'decided' })
  })

  it('contracts run the same machinery: legal review, head approval, signing', async () => {
    await put('/approvals/settings/roles', { financeManager: U.finance, operationsManager: U.ops, chiefAccountant: U.chief, juniorAccountant: U.junior, lawyer: 80, signatory: U.ceo })
    const itemId = h.portal.userEdit(U.initiator, null, { [F.counterparty]: ['CO_7'], [F.initiator]: U.initiator }, 'contracts')
    expect((await h.itemEvent(itemId)).status).toBe('started')
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('LEGAL_REVIEW')
    const v = await h.viewAt(itemId, 80)
    expect(v.steps.map((s) => [s.id, s.assigneeId])).toEqual([['legal', 80], ['head', U.head], ['signing', U.ceo]])
    for (const [user, stage] of [[80, 'HEAD_APPROVAL'], [U.head, 'SIGNING'], [U.ceo, 'SUCCESS']] as const) {
      h.portal.userEdit(user, itemId, { stage })
      expect((await h.itemEvent(itemId)).status).toBe('decided')
      await h.drain()
      expect(h.portal.stageOf(itemId)).toBe(stage)
    }
    expect(h.portal.notificationsTo(U.initiator).at(-1)).toContain('Согласование завершено')
  })

  it('the approver takes the request into work from the tab: the "taken" ladder stops; others cannot take it', async () => {
    const itemId = h.portal.userEdit(U.initiator, null, { [F.counterparty]: ['CO_1'], [F.amount]: '100|RUB', [F.costItem]: COST.goods, [F.invoiceFile]: { id: 1 } })
    await h.itemEvent(itemId)
    await h.drain()
    const { id } = await h.viewAt(itemId, U.head)
    const byStranger = await h.api('POST', `/approvals/${id}/take`, U.stranger)
    expect(byStranger.json().steps[0].takenAt).toBeNull()
    const r = await h.api('POST', `/approvals/${id}/take`, U.head)
    expect(r.statusCode).toBe(200)
    expect(r.json().steps[0]).toMatchObject({ takenAt: expect.any(String), nextSlaAt: null })
    expect(r.json().viewer).toMatchObject({ canTake: false, canDecide: true })
    expect(r.json().audit[0]).toMatchObject({ action: 'approval.taken', actor: `user:${U.head}` })
  })

  it('a stage move by someone who may not decide is undone and they are told why', async () => {
    const itemId = h.portal.userEdit(U.initiator, null, { [F.counterparty]: ['CO_1'], [F.amount]: '100|RUB', [F.costItem]: COST.goods, [F.invoiceFile]: { id: 1 } })
    await h.itemEvent(itemId)
    await h.drain()
    h.portal.userEdit(U.stranger, itemId, { stage: 'ACCOUNTING' })
    expect((await h.itemEvent(itemId)).status).toBe('refused')
    expect(h.portal.stageOf(itemId)).toBe('HEAD_APPROVAL')
    expect(h.portal.notificationsTo(U.stranger)).toEqual([expect.stringContaining('отменено')])
    expect((await h.viewAt(itemId, U.head)).currentStep).toBe(0)
  })
})
