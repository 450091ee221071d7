// A planned payout tranche edited or deleted after the accountant got its task: the task follows
// (new amount and deadline in its title and deadline; deleted with the tranche), so no orphan task
// stays open; a tranche whose task the accountant already completed cannot be changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'
import { addDays } from '../../../server/domain/calendar/index.ts'
import { portalDay } from '../../../server/use-cases/receivables/receivable-calendar.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { trancheTaskFields } from '../../../server/use-cases/claims/claim-tranche-tasks.ts'
import { claimsRepository } from '../../../server/storage/repositories/claims.ts'

let w: RobotWorld
let accountant: { id: number }
let itemId: number
let view: ClaimViewDto
let today: string

const api = async <T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
): Promise<{ status: number; body: T }> => {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() as T }
}
const taskById = (id: number) => w.sb.admin.tasks(w.portalId).find((t) => Number(t.id) === id)
const accountantTasks = () => w.sb.admin.tasks(w.portalId).filter((t) => Number(t.RESPONSIBLE_ID) === accountant.id)

beforeAll(async () => {
  w = await startRobotWorld()
  accountant = w.sb.admin.addUser(w.portalId, { name: 'Мария', lastName: 'Бухгалтерова' })
  await w.ctx.repos.settings.set(w.memberId, 'claims', { accountantId: accountant.id, taskDaysBefore: 30 }, 'test')
  const c = w.state.processes.claims!
  const { result } = await w.sb.admin.call<{ item: { id: number } }>(w.portalId, 'crm.item.add', {
    entityTypeId: c.entityTypeId,
    fields: {
      title: 'Компенсация: брак',
      categoryId: c.pipelines.compensation!.categoryId,
      companyId: w.companyId,
      [c.fields.compensationAmount.restName]: '3500|RUB',
    },
  })
  itemId = Number(result.item.id)
  ;({ today } = await portalDay(receivablesPorts(w.ctx), w.memberId))
  const id = (await api<ClaimViewDto>('GET', `/claims/item/${itemId}`)).body.id
  for (const [days, amount] of [
    [5, 100_000],
    [10, 100_000],
    [15, 150_000],
  ] as const) {
    const r = await api<ClaimViewDto>('POST', `/claims/${id}/tranches`, { deadline: addDays(today, days), amount })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    view = r.body
  }
  expect(view.tranches.every((t) => t.taskId)).toBe(true)
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe("tranche edits keep the accountant's tasks in step", () => {
  it('editing a planned tranche updates its task: amount and deadline in the title, the task deadline', async () => {
    const tranche = view.tranches[0]
    const deadline = addDays(today, 12)
    const r = await api<ClaimViewDto>('PUT', `/claims/${view.id}/tranches/${tranche.id}`, { deadline, amount: 80_000 })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const task = taskById(tranche.taskId!)!
    const claim = (await claimsRepository(w.ctx.database.db).get(w.memberId, view.id))!
    const { calendar } = await portalDay(receivablesPorts(w.ctx), w.memberId)
    const expected = trancheTaskFields(claim, { deadline, amount: 80_000 }, calendar, today, 'ru')
    expect(String(task.TITLE).replace(/\u00a0/g, ' ')).toBe(expected.title.replace(/\u00a0/g, ' '))
    expect(String(task.TITLE).replace(/\u00a0/g, ' ')).toContain(`800,00 ₽ до ${deadline}`)
    expect(new Date(Number(task.DEADLINE)).toISOString()).toBe(new Date(expected.deadline).toISOString())
    expect(accountantTasks()).toHaveLength(3)
  })

  it('deleting a planned tranche deletes its task: no orphan stays open', async () => {
    const tranche = view.tranches[1]
    const r = await api<ClaimViewDto>('DELETE', `/claims/${view.id}/tranches/${tranche.id}`)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.tranches.map((t) => t.id)).not.toContain(tranche.id)
    expect(taskById(tranche.taskId!)).toBeUndefined()
    expect(accountantTasks()).toHaveLength(2)
  })

  it('a tranche whose task the accountant already completed is not changed (its event marks it paid)', async () => {
    const tranche = view.tranches[2]
    w.sb.admin.setFaults(w.portalId, { dropEventRate: 1 })
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: tranche.taskId }, { userId: accountant.id })
    await new Promise((r) => setTimeout(r, 300))
    w.sb.admin.clearFaults(w.portalId)
    const del = await api<{ error: string }>('DELETE', `/claims/${view.id}/tranches/${tranche.id}`)
    expect(del.status).toBe(400)
    expect(del.body.error).toBe('payout.task-completed')
    expect(taskById(tranche.taskId!)).toBeDefined()
    expect((await api<ClaimViewDto>('GET', `/claims/item/${itemId}`)).body.tranches.map((t) => t.id)).toContain(
      tranche.id,
    )
  })
})
