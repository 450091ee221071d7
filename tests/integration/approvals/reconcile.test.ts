// Lost portal events of approvals are healed by the periodic re-read (part of the approval-recover
// job): with every event delivery dropped, a person's stage move in the portal, both accounting
// tasks completed and the payment order attached reach the app only through reconcileApprovals,
// each once; a second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalWorld, waitFor, type ApprovalWorld } from './world.ts'
import { decideApproval } from '../../../server/use-cases/approvals/decide-approval.ts'
import {
  reconcileApprovals,
  APPROVALS_CURSOR_SETTING,
} from '../../../server/use-cases/approvals/reconcile-approvals.ts'

let w: ApprovalWorld
beforeAll(async () => {
  w = await approvalWorld()
}, 60_000)
afterAll(async () => w?.close(), 60_000)

const dropEvents = (on: boolean) => w.sb.admin.setFaults(w.portalId, { dropEventRate: on ? 1 : 0 })

describe('approvals whose portal events were lost', () => {
  it('are healed by the periodic re-read: the stage move, the accounting tasks and the payment order, each once', async () => {
    const { U } = w
    const itemId = await w.save(U.initiator, null, {
      counterparty: `CO_${w.companyId}`,
      amount: '900|RUB',
      costItem: 'goods',
      initiator: U.initiator,
      invoiceFile: { id: 1, url: '/f/1' },
    })
    await waitFor('Head approval', () => w.stageOf(itemId) === 'HEAD_APPROVAL')
    await w.settle()
    const approvalId = (await w.record(itemId)).id
    // the first run sets the cursor and finds nothing to heal
    expect(await reconcileApprovals(w.ports(), w.M)).toMatchObject({ itemsHealed: 0, tasksHealed: 0 })
    expect(await w.ctx.repos.settings.get(w.M, APPROVALS_CURSOR_SETTING)).toBeTruthy()

    dropEvents(true)
    await w.save(U.head, itemId, { stage: 'FINANCE_REVIEW' })
    await w.settle()
    expect((await w.record(itemId)).state.steps[0].status).toBe('active') // the event never came
    expect(await reconcileApprovals(w.ports(), w.M)).toMatchObject({ itemsHealed: 1 })
    expect((await w.record(itemId)).state.steps[0]).toMatchObject({ status: 'approved', decidedBy: U.head })
    await waitFor('the finance notification', () => w.notificationsTo(U.finance).length > 0)

    await decideApproval(w.ports(), { memberId: w.M, approvalId, decision: 'approve', actorId: U.finance }, 'ui')
    await waitFor('both accounting tasks', () => w.tasksOf(itemId).length === 2)
    await w.settle()
    const [main, sub] = w.tasksOf(itemId).sort((a, b) => Number(a.id) - Number(b.id))
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: main.id }, { userId: U.chief })
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: sub.id }, { userId: U.junior })
    await w.settle()
    expect((await w.record(itemId)).state.accounting).toMatchObject({ mainDone: false, subDone: false })
    const tasksRun = await reconcileApprovals(w.ports(), w.M)
    expect(tasksRun).toMatchObject({ tasksChecked: 2, tasksHealed: 2 })
    expect((await w.record(itemId)).state.accounting).toMatchObject({ mainDone: true, subDone: true })

    await w.save(U.junior, itemId, { paymentOrderFile: { id: 9, url: '/f/9' } })
    await w.settle()
    expect((await w.record(itemId)).state.status).toBe('in-progress')
    expect(await reconcileApprovals(w.ports(), w.M)).toMatchObject({ itemsHealed: 1 })
    await waitFor('Paid', () => w.stageOf(itemId) === 'SUCCESS')
    await w.settle()
    expect((await w.record(itemId)).state.status).toBe('done')

    // a second run with nothing lost changes nothing, and nothing happened twice
    expect(await reconcileApprovals(w.ports(), w.M)).toMatchObject({ itemsHealed: 0, tasksHealed: 0 })
    dropEvents(false)
    const audit = (await w.ctx.repos.audit.list(w.M, 'approval', String(approvalId), 100)).map((a) => a.action)
    expect(audit.filter((a) => a === 'approval.approved')).toHaveLength(2)
    expect(audit.filter((a) => a === 'approval.task-completed')).toHaveLength(2)
    expect(audit.filter((a) => a === 'approval.paid')).toHaveLength(1)
    expect(w.tasksOf(itemId)).toHaveLength(2)
    expect(w.notificationsTo(U.finance)).toHaveLength(1)
  })
})
