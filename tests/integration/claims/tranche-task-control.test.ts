// A tranche task on a portal with "task control" (the task stops at 4 "awaiting control" when the accountant
// completes it, until its creator approves): the flow counts 4 as paid (server/domain/tasks/task-done.ts), a
// returned task (disapprove) reverts the tranche; the "Complete the work on the claim" task whose add answer is
// lost on the wire is found again by a documented tasks.task.list filter and its xmlId, never added twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld as startInstalledApp, type RobotWorld as InstalledApp } from '../../helpers/installed-app.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'
import { handleClaimTaskUpdate } from '../../../server/use-cases/claims/handle-claim-task-update.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'

let w: InstalledApp
let accountant: { id: number }
let itemId: number

const api = async <T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<{ status: number; body: T }> => {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() as T }
}
const completionTasks = () =>
  w.sb.admin.tasks(w.portalId).filter((t) => String(t.TITLE).startsWith('Завершить работу по претензии'))
const taskStatus = (id: number) => Number(w.sb.admin.tasks(w.portalId).find((t) => Number(t.id) === id)?.STATUS)

beforeAll(async () => {
  w = await startInstalledApp()
  w.sb.admin.setTaskControl(w.portalId, true)
  accountant = w.sb.admin.addUser(w.portalId, { name: 'Мария', lastName: 'Бухгалтерова' })
  const specialist = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Претензионный' })
  await w.ctx.repos.settings.set(w.memberId, 'claims', { accountantId: accountant.id, taskDaysBefore: 30 }, 'test')
  const c = w.state.processes.claims!
  const { result } = await w.sb.admin.call<{ item: { id: number } }>(w.portalId, 'crm.item.add', {
    entityTypeId: c.entityTypeId,
    fields: {
      title: 'Компенсация: брак',
      categoryId: c.pipelines.compensation!.categoryId,
      assignedById: specialist.id,
      companyId: w.companyId,
      [c.fields.compensationAmount.restName]: '1000|RUB',
    },
  })
  itemId = Number(result.item.id)
}, 60_000)
afterAll(async () => w?.close())

describe('tranche tasks under task control', () => {
  it('completed by the accountant the task awaits control (4): the tranche is paid; the completion task is added once although its answer is lost', async () => {
    const first = await api<ClaimViewDto>('GET', `/claims/item/${itemId}`)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const r = await api<ClaimViewDto>('POST', `/claims/${first.body.id}/tranches`, {
      deadline: '2026-12-30',
      amount: 100_000,
    })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const taskId = r.body.tranches[0].taskId!
    w.sb.admin.failNext(w.portalId, { count: 1, kind: 'lost', method: 'tasks.task.add' })
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId }, { userId: accountant.id })
    expect(taskStatus(taskId)).toBe(4)
    const status = async () =>
      (await w.ctx.database.db.selectFrom('claim_tranches').select('status').where('case_id', '=', r.body.id).execute())
        .map((t) => t.status)
        .join()
    await expect.poll(status, { timeout: 15_000, interval: 150 }).toBe('paid')
    // the portal made the completion task but its answer was lost: the event's job failed; handling the task
    // again (the job's retry) finds that task instead of adding a second one
    await expect.poll(() => completionTasks().length, { timeout: 15_000, interval: 150 }).toBe(1)
    await handleClaimTaskUpdate(dunningPorts(w.ctx), w.memberId, taskId)
    await new Promise((res) => setTimeout(res, 1500))
    expect(completionTasks()).toHaveLength(1)
    const claim = await w.ctx.database.db
      .selectFrom('claim_cases')
      .select('completion_task_id')
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow()
    expect(Number(claim.completion_task_id)).toBe(Number(completionTasks()[0].id))
  })

  it('the creator returns the task (disapprove): the tranche goes back to planned', async () => {
    const task = w.sb.admin.tasks(w.portalId).find((t) => Number(t.RESPONSIBLE_ID) === accountant.id)!
    await new Promise((res) => setTimeout(res, 1100))
    await w.sb.admin.call(w.portalId, 'tasks.task.disapprove', { taskId: task.id }, { userId: Number(task.CREATED_BY) })
    expect(taskStatus(Number(task.id))).toBe(2)
    const status = async () =>
      (
        await w.ctx.database.db
          .selectFrom('claim_tranches')
          .select('status')
          .where('task_id', '=', Number(task.id))
          .execute()
      )
        .map((t) => t.status)
        .join()
    await expect.poll(status, { timeout: 15_000, interval: 150 }).toBe('planned')
  })
})
