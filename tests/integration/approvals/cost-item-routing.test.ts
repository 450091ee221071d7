// A routing rule by cost item, end to end in the sandbox portal: the administrator sets "the CFO
// approves IT spending" in the tab's settings; an IT request goes head -> CFO -> finance ->
// accounting (the CFO step is held on Head approval even when the head drags the card on), while
// a goods request of the same amount skips the CFO.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalWorld, waitFor, type ApprovalWorld } from './world.ts'

let w: ApprovalWorld
let U: ApprovalWorld['U']
beforeAll(async () => {
  w = await approvalWorld()
  U = w.U
}, 60_000)
afterAll(async () => w?.close(), 60_000)

async function started(costItem: string): Promise<{ itemId: number; approvalId: number; title: string }> {
  const itemId = await w.save(U.initiator, null, {
    counterparty: `CO_${w.companyId}`,
    amount: '9900|RUB',
    costItem,
    initiator: U.initiator,
    invoiceFile: { id: 2, url: '/f/2' },
  })
  await waitFor('Head approval', () => w.stageOf(itemId) === 'HEAD_APPROVAL')
  await w.settle()
  return { itemId, approvalId: (await w.record(itemId)).id, title: String(w.item(itemId).title) }
}
const decided = (itemId: number, step: number) =>
  waitFor(`step ${step} decided`, async () => (await w.record(itemId)).state.steps[step].status === 'approved')

describe('routing rule by cost item', () => {
  beforeAll(async () => {
    const r = await w.api('PUT', '/approvals/settings/sla', U.admin, { cfoRule: { costItems: ['it'] } })
    expect(r.statusCode, r.body).toBe(200)
  })

  it('an IT request goes through the CFO: head, CFO, finance, then the accounting tasks', async () => {
    const { itemId, approvalId, title } = await started('it')
    const v = await w.view(itemId, U.cfo)
    expect(v.steps.map((s: { id: string; assigneeId: number }) => [s.id, s.assigneeId])).toEqual([
      ['head', U.head],
      ['cfo', U.cfo],
      ['finance', U.finance],
      ['accounting', U.chief],
    ])
    expect(v.viewer.canDecide).toBe(false)
    // the head drags the card on to Finance review: the head step is approved, the card waits for the CFO on Head approval
    await w.save(U.head, itemId, { stage: 'FINANCE_REVIEW' })
    await decided(itemId, 0)
    await waitFor('back on Head approval', () => w.stageOf(itemId) === 'HEAD_APPROVAL')
    await w.settle()
    expect(Number(w.item(itemId)[w.F('approver')])).toBe(U.cfo)
    expect(w.notificationsTo(U.cfo, title)).toEqual([expect.stringContaining('Нужно ваше согласование')])
    expect(w.notificationsTo(U.finance, title)).toHaveLength(0)
    const byCfo = await w.api('POST', `/approvals/${approvalId}/decision`, U.cfo, {
      round: 1,
      stepIndex: 1,
      decision: 'approve',
    })
    expect(byCfo.statusCode, byCfo.body).toBe(200)
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    expect(w.notificationsTo(U.finance, title)).toEqual([expect.stringContaining('Нужно ваше согласование')])
    await w.api('POST', `/approvals/${approvalId}/decision`, U.finance, { round: 1, stepIndex: 2, decision: 'approve' })
    await waitFor(
      'Accounting with both tasks',
      () => w.stageOf(itemId) === 'ACCOUNTING' && w.tasksOf(itemId).length === 2,
    )
    expect(
      w
        .tasksOf(itemId)
        .map((t) => Number(t.RESPONSIBLE_ID))
        .sort(),
    ).toEqual([U.chief, U.junior].sort())
    const audit = (await w.view(itemId, U.initiator)).audit.filter(
      (a: { action: string }) => a.action === 'approval.approved',
    )
    expect(audit.map((a: { actor: string }) => a.actor)).toEqual([
      `user:${U.finance}`,
      `user:${U.cfo}`,
      `user:${U.head}`,
    ])
  })

  it('a goods request of the same amount skips the CFO', async () => {
    const { itemId, approvalId, title } = await started('goods')
    expect((await w.record(itemId)).state.steps.map((s) => s.id)).toEqual(['head', 'finance', 'accounting'])
    await w.api('POST', `/approvals/${approvalId}/decision`, U.head, { round: 1, stepIndex: 0, decision: 'approve' })
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    expect(w.notificationsTo(U.cfo, title)).toHaveLength(0)
    expect(w.notificationsTo(U.finance, title)).toHaveLength(1)
  })

  it('an initiator in no department (no head anywhere): the operations manager holds the head step and is asked', async () => {
    const loner = w.sb.admin.addUser(w.portalId, { name: 'Фрилансер', lastName: 'Тестов', departments: [] }).id
    const itemId = await w.save(loner, null, {
      counterparty: `CO_${w.companyId}`,
      amount: '500|RUB',
      costItem: 'goods',
      initiator: loner,
      invoiceFile: { id: 3, url: '/f/3' },
    })
    await waitFor('Head approval', () => w.stageOf(itemId) === 'HEAD_APPROVAL')
    await w.settle()
    const title = String(w.item(itemId).title)
    expect((await w.record(itemId)).state.steps[0]).toMatchObject({ id: 'head', assigneeId: U.ops })
    expect(w.notificationsTo(U.ops, title)).toEqual([expect.stringContaining('Нужно ваше согласование')])
  })
})
