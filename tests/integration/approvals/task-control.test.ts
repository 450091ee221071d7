// The accountant's tasks of a payment request on a portal with "task control": a completed task stops at 4
// "awaiting control". For payments the flow waits for the creator's acceptance (server/domain/tasks/task-done.ts):
// at 4 nothing is recorded, once the creator approves (5) the step is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalWorld, waitFor, type ApprovalWorld } from './world.ts'
import { decideApproval } from '../../../server/use-cases/approvals/decide-approval.ts'
import { handleApprovalTaskUpdate } from '../../../server/use-cases/approvals/handle-approval-task-update.ts'

let w: ApprovalWorld
beforeAll(async () => {
  w = await approvalWorld()
  w.sb.admin.setTaskControl(w.portalId, true)
}, 60_000)
afterAll(async () => w?.close(), 60_000)

describe('payment request accounting tasks under task control', () => {
  it('a task awaiting control (4) is not done for the request; approved by its creator (5) it is', async () => {
    const { U } = w
    const itemId = await w.save(U.initiator, null, {
      counterparty: `CO_${w.companyId}`,
      amount: '700|RUB',
      costItem: 'goods',
      initiator: U.initiator,
      invoiceFile: { id: 1, url: '/f/1' },
    })
    await waitFor('Head approval', () => w.stageOf(itemId) === 'HEAD_APPROVAL')
    await w.settle()
    const id = (await w.record(itemId)).id
    await decideApproval(w.ports(), { memberId: w.M, approvalId: id, decision: 'approve', actorId: U.head }, 'ui')
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    await decideApproval(w.ports(), { memberId: w.M, approvalId: id, decision: 'approve', actorId: U.finance }, 'ui')
    await waitFor('both accounting tasks', () => w.tasksOf(itemId).length === 2)
    await w.settle()
    const [main] = w.tasksOf(itemId).sort((a, b) => Number(a.id) - Number(b.id))
    expect(main.TASK_CONTROL).toBe('Y')
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: main.id }, { userId: U.chief })
    expect(Number(w.tasksOf(itemId).find((t) => t.id === main.id)?.STATUS)).toBe(4)
    await w.settle()
    expect(await handleApprovalTaskUpdate(w.ports(), w.M, Number(main.id))).toBe('unchanged')
    expect((await w.record(itemId)).state.accounting.mainDone).toBeFalsy()
    await w.sb.admin.call(w.portalId, 'tasks.task.approve', { taskId: main.id }, { userId: Number(main.CREATED_BY) })
    await waitFor('the main task recorded', async () => (await w.record(itemId)).state.accounting.mainDone)
    expect(w.stageOf(itemId)).toBe('ACCOUNTING')
  })
})
