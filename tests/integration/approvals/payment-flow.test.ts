// A payment request walked end to end against the portal double: incomplete save refused with the
// fields named, head approval (stage move in the portal), finance rejection with reason (our tab),
// restart, approvals, both accounting tasks, payment order attached -> Paid. Every task,
// notification and stage is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalHarness, M, U, type Harness } from './harness.ts'
import { COST, ETID, F } from './fake-portal.ts'
import { decideApproval } from '../../../server/use-cases/decide-approval.ts'

let h: Harness
beforeAll(async () => { h = await approvalHarness() })
afterAll(async () => h.dispose())

const complete = { [F.counterparty]: ['CO_12'], [F.amount]: '125000.50|RUB', [F.costItem]: COST.goods, [F.initiator]: U.initiator }
const view = async (itemId: number, user: number) => (await h.api('GET', `/approvals/item/${ETID}/${itemId}`, user)).json()

describe('payment request: route, rejection, restart, accounting, Paid', () => {
  let itemId = 0
  let approvalId = 0

  it('an incomplete request is refused with the missing fields named; nothing starts', async () => {
    h.clock.now = new Date('2025-06-09T07:00:00Z') // Monday 10:00 MSK
    itemId = h.portal.userEdit(U.initiator, null, complete)
    expect(await h.itemEvent(itemId)).toMatchObject({ status: 'incomplete', detail: 'Заявка не заполнена: Счёт' })
    expect(h.portal.notificationsTo(U.initiator)).toEqual([expect.stringContaining('Заявка не заполнена: Счёт')])
    expect(h.portal.stageOf(itemId)).toBe('NEW')
    // the same incomplete save again does not notify twice
    await h.itemEvent(itemId)
    expect(h.portal.notificationsTo(U.initiator)).toHaveLength(1)
    const tab = await h.api('POST', `/approvals/item/${ETID}/${itemId}/start`, U.initiator)
    expect(tab.statusCode).toBe(400)
    expect(tab.json()).toMatchObject({ error: 'approval.incomplete-request', details: { missing: ['invoiceAttached'] } })
  })

  it('saving the complete request starts the route at the head of the initiator\'s department (walking up past a department without a head)', async () => {
    h.portal.userEdit(U.initiator, itemId, { [F.invoiceFile]: { id: 5, url: '/f/5' } })
    expect((await h.itemEvent(itemId)).status).toBe('started')
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('HEAD_APPROVAL')
    expect(h.portal.items.get(itemId)![F.approver]).toBe(U.head)
    expect(h.portal.notificationsTo(U.head)).toEqual([expect.stringContaining('Нужно ваше согласование: «Request')])
    const v = await view(itemId, U.head)
    approvalId = v.id
    expect(v).toMatchObject({ round: 1, status: 'in-progress', currentStep: 0, viewer: { canDecide: true, asSubstitute: false, canTake: true } })
    expect(v.steps.map((s: { id: string; assigneeId: number }) => [s.id, s.assigneeId])).toEqual([['head', U.head], ['finance', U.finance], ['accounting', U.chief]])
    expect(v.steps[0]).toMatchObject({ status: 'active', slaStatus: 'on-time', nextSlaAt: '2025-06-09T11:00:00.000Z' })
    expect((await view(itemId, U.stranger)).viewer.canDecide).toBe(false)
  })

  it('a stranger cannot decide; the head approves by moving the card in the portal', async () => {
    const r = await h.api('POST', `/approvals/${approvalId}/decision`, U.stranger, { round: 1, stepIndex: 0, decision: 'approve' })
    expect(r.statusCode).toBe(403)
    h.portal.userEdit(U.head, itemId, { stage: 'FINANCE_REVIEW' })
    expect((await h.itemEvent(itemId)).status).toBe('decided')
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('FINANCE_REVIEW')
    expect(h.portal.notificationsTo(U.finance)).toEqual([expect.stringContaining('Нужно ваше согласование')])
  })

  it('finance rejects from our tab: a reason is required; then Rejected, the reason on the card, the initiator told why', async () => {
    const noReason = await h.api('POST', `/approvals/${approvalId}/decision`, U.finance, { round: 1, stepIndex: 1, decision: 'reject' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error).toBe('approval.reason-required')
    const r = await h.api('POST', `/approvals/${approvalId}/decision`, U.finance, { round: 1, stepIndex: 1, decision: 'reject', reason: 'ИНН контрагента не совпадает со счётом' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ status: 'decided', approval: { status: 'rejected' } })
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('FAIL')
    expect(h.portal.items.get(itemId)![F.rejectionReason]).toBe('ИНН контрагента не совпадает со счётом')
    expect(h.portal.notificationsTo(U.initiator).at(-1)).toContain('Причина: ИНН контрагента не совпадает со счётом')
  })

  it('after the fix, moving the card out of Rejected restarts the route from the head (round 2)', async () => {
    h.portal.userEdit(U.initiator, itemId, { stage: 'NEW', [F.amount]: '125000.00|RUB' })
    expect((await h.itemEvent(itemId)).status).toBe('started')
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('HEAD_APPROVAL')
    expect(h.portal.notificationsTo(U.head)).toHaveLength(2)
    const v = await view(itemId, U.head)
    expect(v).toMatchObject({ round: 2, currentStep: 0 })
    expect(v.audit.map((a: { action: string }) => a.action)).toEqual(['approval.restarted', 'approval.rejected', 'approval.approved', 'approval.started'])
  })

  it('head and finance approve; accounting gets "Make the payment" (details, checklist, deadline) and the junior\'s subtask', async () => {
    const r = await h.api('POST', `/approvals/${approvalId}/decision`, U.head, { round: 2, stepIndex: 0, decision: 'approve' })
    expect(r.json().status).toBe('decided')
    await h.drain()
    h.clock.now = new Date('2025-06-09T11:30:00Z') // 14:30 MSK: after the cut-off -> due tomorrow 18:00
    await decideApproval(h.ports(), { memberId: M, approvalId, round: 2, stepIndex: 1, decision: 'approve', actorId: U.finance }, 'ui')
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('ACCOUNTING')
    const tasks = [...h.portal.tasks.values()]
    expect(tasks).toHaveLength(2)
    const [main, sub] = tasks
    expect(main).toMatchObject({ RESPONSIBLE_ID: U.chief, DEADLINE: '2025-06-10T15:00:00.000Z', UF_CRM_TASK: [`T410_${itemId}`] })
    expect(String(main.TITLE)).toMatch(/^Выполнить оплату/)
    expect(String(main.DESCRIPTION)).toContain('Сумма: 125')
    expect(sub).toMatchObject({ RESPONSIBLE_ID: U.junior, PARENT_ID: main.ID, DEADLINE: '2025-06-10T15:00:00.000Z', UF_CRM_TASK: [`T410_${itemId}`] })
    expect(String(sub.TITLE)).toMatch(/^Прикрепить платёжное поручение с отметкой банка/)
    expect(h.portal.checklist.filter((c) => c.TASKID === main.ID)).toHaveLength(4)
  })

  it('both tasks done is not enough without the payment order; attaching it -> Paid and the initiator is told', async () => {
    const [main, sub] = [...h.portal.tasks.values()]
    expect(await h.taskEvent(Number(main.ID))).toBe('unchanged') // still open
    h.portal.completeTask(Number(main.ID))
    expect(await h.taskEvent(Number(main.ID))).toBe('progressed')
    h.portal.completeTask(Number(sub.ID))
    expect(await h.taskEvent(Number(sub.ID))).toBe('progressed')
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('ACCOUNTING')
    h.portal.userEdit(U.junior, itemId, { [F.paymentOrderFile]: { id: 9, url: '/f/9' } })
    expect((await h.itemEvent(itemId)).status).toBe('progressed')
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('SUCCESS')
    expect(h.portal.notificationsTo(U.initiator).at(-1)).toContain('Счёт оплачен')
    expect((await view(itemId, U.initiator)).status).toBe('done')
    // a replayed task event changes nothing
    expect(await h.taskEvent(Number(sub.ID))).toBe('unchanged')
    expect([...h.portal.tasks.values()]).toHaveLength(2)
  })
})
