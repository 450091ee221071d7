// Failures and races between our database and the portal: "Make the payment" added by the portal but its
// answer lost on the wire is found, not added twice, when the job is retried (the retry the queue
// holds is run at once with the worker's own handler, not after the queue's backstop poll); a
// transition whose apply job was never enqueued (the process died) is applied by the periodic
// recovery, once; three presses of Approve at the same moment (the head twice, the operations
// manager once) make one decision: one audit row, one stage move, one notification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalWorld, waitFor, type ApprovalWorld } from './world.ts'
import { sql } from 'kysely'
import { approvalPorts } from '../../../server/use-cases/approvals/approval-ports.ts'
import { createApprovalApply } from '../../../server/jobs/tasks/approval-apply.ts'
import type { ApprovalApplyJob } from '../../../server/use-cases/approvals/approval-transition.ts'
import { decideApproval } from '../../../server/use-cases/approvals/decide-approval.ts'
import { recoverApprovals } from '../../../server/use-cases/approvals/recover-approvals.ts'

let w: ApprovalWorld
beforeAll(async () => {
  w = await approvalWorld()
}, 60_000)
afterAll(async () => w?.close(), 60_000)

async function started(): Promise<{ itemId: number; id: number; title: string }> {
  const itemId = await w.save(w.U.initiator, null, {
    counterparty: `CO_${w.companyId}`,
    amount: '700|RUB',
    costItem: 'goods',
    initiator: w.U.initiator,
    invoiceFile: { id: 1, url: '/f/1' },
  })
  await waitFor('Head approval', () => w.stageOf(itemId) === 'HEAD_APPROVAL')
  await w.settle()
  return { itemId, id: (await w.record(itemId)).id, title: String(w.item(itemId).title) }
}

/** Files a request whose first apply fails (a fault set by the caller) and runs the queued retry at once. */
async function startedWithRetry(): Promise<{ itemId: number; title: string }> {
  const itemId = await w.save(w.U.initiator, null, {
    counterparty: `CO_${w.companyId}`,
    amount: '700|RUB',
    costItem: 'goods',
    initiator: w.U.initiator,
    invoiceFile: { id: 1, url: '/f/1' },
  })
  const retry = await waitFor(
    'the job waiting for its retry',
    async () =>
      (
        await sql<{ id: string; data: ApprovalApplyJob }>`SELECT id, data
      FROM pgboss.job WHERE name = 'approval-apply' AND state = 'retry'`.execute(w.ctx.database.db)
      ).rows[0],
  )
  await w.ctx.queue.boss.cancel('approval-apply', retry.id)
  await createApprovalApply(w.ctx)({ id: retry.id, name: 'approval-apply', data: retry.data, retryCount: 1 })
  await w.settle()
  return { itemId, title: String(w.item(itemId).title) }
}

describe('failures and races', () => {
  it('"Make the payment" added but the answer lost: the retried job finds it instead of adding a second one', async () => {
    const { U } = w
    const { itemId, id } = await started()
    await decideApproval(w.ports(), { memberId: w.M, approvalId: id, decision: 'approve', actorId: U.head }, 'ui')
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    w.sb.admin.failNext(w.portalId, { count: 1, kind: 'lost', method: 'tasks.task.add' })
    await decideApproval(w.ports(), { memberId: w.M, approvalId: id, decision: 'approve', actorId: U.finance }, 'ui')
    // the portal made the task, the job failed on the lost answer and waits for its retry
    const retry = await waitFor(
      'the job waiting for its retry',
      async () =>
        (
          await sql<{ id: string; data: ApprovalApplyJob; retry_count: number }>`SELECT id, data, retry_count
      FROM pgboss.job WHERE name = 'approval-apply' AND state = 'retry'`.execute(w.ctx.database.db)
        ).rows[0],
    )
    expect(w.tasksOf(itemId)).toHaveLength(1)
    expect(w.stageOf(itemId)).toBe('FINANCE_REVIEW')
    await w.ctx.queue.boss.cancel('approval-apply', retry.id)
    await createApprovalApply(w.ctx)({ id: retry.id, name: 'approval-apply', data: retry.data, retryCount: 1 })
    await waitFor('Accounting', () => w.stageOf(itemId) === 'ACCOUNTING')
    await w.settle()
    const tasks = w.tasksOf(itemId).sort((a, b) => Number(a.id) - Number(b.id))
    expect(tasks.map((t) => String(t.TITLE).split(':')[0])).toEqual([
      'Выполнить оплату',
      'Прикрепить платёжное поручение с отметкой банка',
    ])
    expect(tasks[1].PARENT_ID).toBe(Number(tasks[0].id))
  })

  it("the head's notice delivered but its answer lost: the retry's notice replaces it by its TAG, the head sees one", async () => {
    const { U } = w
    w.sb.admin.failNext(w.portalId, { count: 1, kind: 'lost', method: 'im.notify.system.add' })
    const { itemId, title } = await startedWithRetry()
    const visible = (userId: number) =>
      w.sb.admin
        .notifications(w.portalId)
        .filter((n) => Number(n.userId) === userId && !n.removed && String(n.message).includes(`«${title}»`))
    // two were added (the lost one and the retry's), one is left to read; the finance notice removes neither
    expect(w.notificationsTo(U.head, title)).toHaveLength(2)
    expect(visible(U.head)).toHaveLength(1)
    expect(w.stageOf(itemId)).toBe('HEAD_APPROVAL')
    await decideApproval(
      w.ports(),
      { memberId: w.M, approvalId: (await w.record(itemId)).id, decision: 'approve', actorId: U.head },
      'ui',
    )
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    expect([visible(U.head).length, visible(U.finance).length]).toEqual([1, 1])
  })

  it("the head approves by moving the card while our stage write's answer was lost: the retry judges the move, not undoes it (found by the multi-process run)", async () => {
    const { U } = w
    w.sb.admin.failNext(w.portalId, { count: 1, kind: 'lost', method: 'crm.item.update' })
    const itemId = await w.save(U.initiator, null, {
      counterparty: `CO_${w.companyId}`,
      amount: '900|RUB',
      costItem: 'goods',
      initiator: U.initiator,
      invoiceFile: { id: 2, url: '/f/2' },
    })
    // the portal moved the card to Head approval, the job failed on the lost answer and waits for its retry
    const retry = await waitFor(
      'the job waiting for its retry',
      async () =>
        (
          await sql<{ id: string; data: ApprovalApplyJob }>`SELECT id, data
      FROM pgboss.job WHERE name = 'approval-apply' AND state = 'retry'`.execute(w.ctx.database.db)
        ).rows[0],
    )
    expect(w.stageOf(itemId)).toBe('HEAD_APPROVAL')
    // the head sees the card and moves it on (a moment later: the portal keeps whole seconds); the app's
    // handler finds the transition still being applied
    await new Promise((r) => setTimeout(r, 1_100))
    await w.save(U.head, itemId, { stage: 'FINANCE_REVIEW' })
    await w.settle()
    expect((await w.record(itemId)).state.steps[0].status).toBe('active')
    await w.ctx.queue.boss.cancel('approval-apply', retry.id)
    await createApprovalApply(w.ctx)({ id: retry.id, name: 'approval-apply', data: retry.data, retryCount: 1 })
    await w.settle()
    expect(w.stageOf(itemId)).toBe('FINANCE_REVIEW')
    expect((await w.record(itemId)).state.steps[0]).toMatchObject({ status: 'approved', decidedBy: U.head })
    await waitFor(
      'the finance notification',
      () => w.notificationsTo(U.finance, String(w.item(itemId).title)).length === 1,
    )
  })

  it('a transition committed but never applied (the enqueue was lost) is applied by the recovery job', async () => {
    const { U } = w
    const { itemId, id, title } = await started()
    const crashing = approvalPorts(w.ctx, {
      send: async () => {
        throw new Error('process killed')
      },
    })
    await expect(
      decideApproval(crashing, { memberId: w.M, approvalId: id, decision: 'approve', actorId: U.head }, 'ui'),
    ).rejects.toThrow('process killed')
    await w.settle()
    expect(w.stageOf(itemId)).toBe('HEAD_APPROVAL')
    // a fresh row is left alone (its job may just be slow); an old enough one is re-applied
    expect((await recoverApprovals(w.ports(), w.M, '2026-06-10T10:00')).reapplied).toBe(0)
    const out = await recoverApprovals(w.ports(), w.M, '2026-06-10T10:00', 0)
    expect(out.reapplied).toBe(1)
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    expect(w.notificationsTo(U.finance, title)).toHaveLength(1)
    // running it again finds nothing left to apply
    expect((await recoverApprovals(w.ports(), w.M, '2026-06-10T10:15', 0)).reapplied).toBe(0)
  })

  it('two approvers pressing at the same moment produce one decision', async () => {
    const { U } = w
    const { itemId, id, title } = await started()
    const press = (actorId: number) =>
      decideApproval(
        w.ports(),
        { memberId: w.M, approvalId: id, round: 1, stepIndex: 0, decision: 'approve', actorId },
        'telegram',
      )
    const outcomes = await Promise.all([press(U.head), press(U.ops), press(U.head)])
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already-decided', 'already-decided', 'decided'])
    const rows = await sql<{
      n: number
    }>`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'approval' AND entity_id = ${String(id)} AND action = 'approval.approved'`.execute(
      w.ctx.database.db,
    )
    expect(rows.rows[0].n).toBe(1)
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    expect(w.notificationsTo(U.finance, title)).toHaveLength(1)
  })
})
