// The completion task of a paid-out case is not lost when its creation fails after the last tranche
// was marked paid (found by the multi-process run: every tranche paid, no "Complete the work on the
// claim"). The retried task event creates it, and so does the 15-minute reconcile when no event comes.
// Found by the same run: two tranches paid at once on two workers left the totals comment at the older
// sum when the older write landed last; the last writer now puts the newer totals back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld as startInstalledApp, type RobotWorld as InstalledApp } from '../../helpers/installed-app.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'
import { handleClaimTaskUpdate } from '../../../server/use-cases/claims/handle-claim-task-update.ts'
import { reconcileTrancheTasks } from '../../../server/use-cases/claims/reconcile-tranche-tasks.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { claimTotalsTitles, renderClaimTotalsComment } from '../../../server/domain/claims/claim-totals-comment.ts'
import { holdFirstBatch } from '../../helpers/clients-around.ts'

let w: InstalledApp
let accountant: number
let specialist: number

async function api<T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  if (r.statusCode !== 200) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`)
  return r.json() as T
}

/** A compensation with tranches whose tasks the accountant completes without the portal telling us. */
async function paidOutCase(title: string, amounts = [100_000]): Promise<{ itemId: number; taskIds: number[] }> {
  const c = w.state.processes.claims!
  const { result } = await w.sb.admin.call<{ item: { id: number } }>(w.portalId, 'crm.item.add', {
    entityTypeId: c.entityTypeId,
    fields: {
      title,
      categoryId: c.pipelines.compensation!.categoryId,
      assignedById: specialist,
      companyId: w.companyId,
      [c.fields.compensationAmount.restName]: `${amounts.reduce((a, b) => a + b, 0) / 100}|RUB`,
    },
  })
  const itemId = Number(result.item.id)
  const view = await api<ClaimViewDto>('GET', `/claims/item/${itemId}`)
  let planned = view
  for (const amount of amounts)
    planned = await api<ClaimViewDto>('POST', `/claims/${view.id}/tranches`, { deadline: '2026-12-28', amount })
  const taskIds = planned.tranches.map((t) => t.taskId!)
  for (const taskId of taskIds)
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId }, { userId: accountant, events: false })
  return { itemId, taskIds }
}
const totalsComments = (itemId: number) =>
  w.sb.admin
    .comments(w.portalId)
    .filter((m) => Number(m.ENTITY_ID) === itemId && claimTotalsTitles().includes(String(m.COMMENT).split('\n')[0]))
    .map((m) => String(m.COMMENT))
const completionTasks = (itemId: number) =>
  w.sb.admin
    .tasks(w.portalId)
    .filter(
      (t) =>
        String(t.TITLE).startsWith('Завершить работу по претензии') &&
        (t.UF_CRM_TASK as string[] | undefined)?.includes(
          `T${w.state.processes.claims!.entityTypeId.toString(16)}_${itemId}`,
        ),
    )

beforeAll(async () => {
  w = await startInstalledApp()
  accountant = w.sb.admin.addUser(w.portalId, { name: 'Мария', lastName: 'Бухгалтерова' }).id
  specialist = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Претензионный' }).id
  await w.ctx.repos.settings.set(w.memberId, 'claims', { accountantId: accountant, taskDaysBefore: 30 }, 'test')
}, 60_000)
afterAll(async () => w?.close())

describe('the completion task after the last tranche', () => {
  it('fails to be created once: the retried task event creates it, once', async () => {
    const {
      itemId,
      taskIds: [taskId],
    } = await paidOutCase('Компенсация: повтор')
    w.sb.admin.failNext(w.portalId, { count: 1, method: 'tasks.task.add', status: 500, error: 'INTERNAL_SERVER_ERROR' })
    await expect(handleClaimTaskUpdate(dunningPorts(w.ctx), w.memberId, taskId)).rejects.toThrow()
    expect(completionTasks(itemId)).toHaveLength(0)
    // the tranche is already paid: the retry must still see the missing task
    expect(await handleClaimTaskUpdate(dunningPorts(w.ctx), w.memberId, taskId)).toBe('unchanged')
    expect(completionTasks(itemId)).toHaveLength(1)
    await handleClaimTaskUpdate(dunningPorts(w.ctx), w.memberId, taskId)
    expect(completionTasks(itemId)).toHaveLength(1)
  })

  it('fails and no event comes again: the reconcile creates it, once', async () => {
    const {
      itemId,
      taskIds: [taskId],
    } = await paidOutCase('Компенсация: сверка')
    w.sb.admin.failNext(w.portalId, { count: 1, method: 'tasks.task.add', status: 500, error: 'INTERNAL_SERVER_ERROR' })
    await expect(handleClaimTaskUpdate(dunningPorts(w.ctx), w.memberId, taskId)).rejects.toThrow()
    const client = await w.ctx.b24!.forPortal(w.memberId)
    expect(await reconcileTrancheTasks(dunningPorts(w.ctx), client, w.memberId)).toBe(1)
    expect(completionTasks(itemId)).toHaveLength(1)
    expect(await reconcileTrancheTasks(dunningPorts(w.ctx), client, w.memberId)).toBe(0)
    expect(completionTasks(itemId)).toHaveLength(1)
  })
})

describe('the totals comment when two tranches are paid at once', () => {
  it('the older totals landing last are put right: the comment ends at 2,500 of 2,500', async () => {
    const { itemId, taskIds } = await paidOutCase('Компенсация: два платежа', [100_000, 150_000])
    // the first tranche's job: its totals (1,000 paid) wait on their way to the portal
    const held = holdFirstBatch(w.ctx.b24!)
    const first = handleClaimTaskUpdate(dunningPorts(w.ctx, { clients: held.clients }), w.memberId, taskIds[0])
    await held.atBatch
    // the second tranche's job runs start to end meanwhile: 2,500 paid, written
    expect(await handleClaimTaskUpdate(dunningPorts(w.ctx), w.memberId, taskIds[1])).toBe('paid')
    expect(totalsComments(itemId)).toEqual([renderClaimTotalsComment({ total: 250_000, paid: 250_000, remaining: 0 })])
    held.release()
    expect(await first).toBe('paid')
    expect(totalsComments(itemId)).toEqual([renderClaimTotalsComment({ total: 250_000, paid: 250_000, remaining: 0 })])
    expect(completionTasks(itemId)).toHaveLength(1)
  })
})
