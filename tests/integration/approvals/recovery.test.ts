// Failures between our database and the portal: a task added but its answer lost is not added
// twice on retry; a transition whose apply job was lost is applied by the periodic recovery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalHarness, M, U, type Harness } from './harness.ts'
import { COST, ETID, F } from './fake-portal.ts'
import { decideApproval } from '../../../server/use-cases/decide-approval.ts'
import { recoverApprovals } from '../../../server/use-cases/recover-approvals.ts'
import { approvalPorts } from '../../../server/use-cases/approval-ports.ts'
import { installState } from './fake-portal.ts'

let h: Harness
beforeAll(async () => { h = await approvalHarness() })
afterAll(async () => h.dispose())

const request = { [F.counterparty]: ['CO_1'], [F.amount]: '700|RUB', [F.costItem]: COST.goods, [F.initiator]: U.initiator, [F.invoiceFile]: { id: 1 } }
async function started(): Promise<{ itemId: number; id: number }> {
  const itemId = h.portal.userEdit(U.initiator, null, request)
  await h.itemEvent(itemId)
  await h.drain()
  return { itemId, id: (await h.ports().approvals.getByItem(M, ETID, itemId))!.id }
}

describe('recovery', () => {
  it('"Make the payment" added but the answer lost: the retry finds it instead of adding a second one', async () => {
    h.clock.now = new Date('2025-06-09T07:00:00Z')
    const { itemId, id } = await started()
    await decideApproval(h.ports(), { memberId: M, approvalId: id, decision: 'approve', actorId: U.head }, 'ui')
    await h.drain()
    h.portal.loseAnswerOf = 'tasks.task.add'
    await decideApproval(h.ports(), { memberId: M, approvalId: id, decision: 'approve', actorId: U.finance }, 'ui')
    await expect(h.drain()).rejects.toThrow('socket hang up')
    const outbox = await h.ports().approvals.pendingOutbox(M, 0)
    // the worker retries the same job
    const { applyApprovalEvents } = await import('../../../server/use-cases/apply-approval-events.ts')
    await applyApprovalEvents(h.ports(), { memberId: M, outboxId: outbox.at(-1)! })
    const tasks = [...h.portal.tasks.values()].filter((t) => (t.UF_CRM_TASK as string[])[0] === `T410_${itemId}`)
    expect(tasks.map((t) => String(t.TITLE).split(':')[0])).toEqual(['Выполнить оплату', 'Прикрепить платёжное поручение с отметкой банка'])
    expect(tasks[1].PARENT_ID).toBe(tasks[0].ID)
    expect(h.portal.stageOf(itemId)).toBe('ACCOUNTING')
  })

  it('a transition committed but never applied (the enqueue was lost) is applied by the recovery job', async () => {
    h.clock.now = new Date('2025-06-10T07:00:00Z')
    const { itemId, id } = await started()
    const crashing = approvalPorts(h.t.ctx, { clients: h.portal, installState: async () => installState, now: () => h.clock.now, telegram: h.ports().telegram,
      send: async () => { throw new Error('process killed') } })
    await expect(decideApproval(crashing, { memberId: M, approvalId: id, decision: 'approve', actorId: U.head }, 'ui')).rejects.toThrow('process killed')
    expect(h.portal.stageOf(itemId)).toBe('HEAD_APPROVAL')
    // a fresh row is left alone (its job may just be slow); an old enough one is re-applied
    expect((await recoverApprovals(h.ports(), M, '2025-06-10T10:00')).reapplied).toBe(0)
    const out = await recoverApprovals(h.ports(), M, '2025-06-10T10:00', 0)
    expect(out.reapplied).toBe(1)
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('FINANCE_REVIEW')
    expect(h.portal.notificationsTo(U.finance).filter((m) => m.includes(`Request ${itemId}`))).toHaveLength(1)
    // running it again finds nothing left to apply
    expect((await recoverApprovals(h.ports(), M, '2025-06-10T10:15', 0)).reapplied).toBe(0)
  })
})
