// Seed 003 end to end against the sandbox: a compensation of 3,500 paid out in three tranches
// (1,000 / 1,000 / 1,500). Completing the accountant's tasks in the portal marks tranches paid and
// keeps ONE timeline comment with the totals; the last one creates the completion task once;
// duplicated and reordered events change nothing; a reopened task reverts its tranche.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import qs from 'qs'
import { startRobotWorld as startInstalledApp, type RobotWorld as InstalledApp } from '../../helpers/installed-app.ts'
import { claimTotalsTitles } from '../../../server/domain/claims/claim-totals-comment.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'
import { reconcileTrancheTasks } from '../../../server/use-cases/claims/reconcile-tranche-tasks.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'

let w: InstalledApp
let accountant: { id: number }
let specialist: { id: number }
let itemId: number
let view: ClaimViewDto

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
const claims = () => w.state.processes.claims!
const totalsComments = () =>
  w.sb.admin
    .comments(w.portalId)
    .filter((c) => Number(c.ENTITY_ID) === itemId && claimTotalsTitles().includes(String(c.COMMENT).split('\n')[0]))
const taskOf = (i: number) => view.tranches[i].taskId!
// read from our database, so polling costs the portal nothing
const trancheStatuses = async () =>
  (
    await w.ctx.database.db
      .selectFrom('claim_tranches')
      .select('status')
      .where('case_id', '=', view.id)
      .orderBy('deadline')
      .execute()
  ).map((t) => t.status)
const completionTasks = () =>
  w.sb.admin.tasks(w.portalId).filter((t) => String(t.TITLE).startsWith('Завершить работу по претензии'))

beforeAll(async () => {
  w = await startInstalledApp()
  accountant = w.sb.admin.addUser(w.portalId, { name: 'Мария', lastName: 'Бухгалтерова' })
  specialist = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Претензионный' })
  await w.ctx.repos.settings.set(w.memberId, 'claims', { accountantId: accountant.id, taskDaysBefore: 30 }, 'test')
  const c = claims()
  const { result } = await w.sb.admin.call<{ item: { id: number } }>(w.portalId, 'crm.item.add', {
    entityTypeId: c.entityTypeId,
    fields: {
      title: 'Компенсация: сорванная поставка',
      categoryId: c.pipelines.compensation!.categoryId,
      assignedById: specialist.id,
      companyId: w.companyId,
      [c.fields.compensationAmount.restName]: '3500|RUB',
    },
  })
  itemId = Number(result.item.id)
}, 60_000)
afterAll(async () => w?.close())

describe('payouts in tranches (seed 003)', () => {
  it("adds three tranches; the schedule matches the agreed compensation; each gets the accountant's task", async () => {
    const first = await api<ClaimViewDto>('GET', `/claims/item/${itemId}`)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({
      kind: 'payout',
      agreedCompensation: 350_000,
      tranches: [],
      counterparty: { name: 'ООО Ромашка' },
    })
    const id = first.body.id
    for (const [deadline, amount] of [
      ['2026-12-10', 100_000],
      ['2026-12-20', 100_000],
      ['2026-12-30', 150_000],
    ] as const) {
      const r = await api<ClaimViewDto>('POST', `/claims/${id}/tranches`, { deadline, amount })
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      view = r.body
    }
    expect(view.totals).toEqual({ total: 350_000, paid: 0, remaining: 350_000 })
    expect(view.tranches.every((t) => t.taskId)).toBe(true)
    const mine = w.sb.admin.tasks(w.portalId).filter((t) => Number(t.RESPONSIBLE_ID) === accountant.id)
    expect(mine).toHaveLength(3)
    expect(mine[0].UF_CRM_TASK).toEqual([`T${claims().entityTypeId.toString(16)}_${itemId}`])
  })

  it('refuses bad tranches with a clear 400 and changes nothing', async () => {
    for (const body of [
      { deadline: '2027-13-01', amount: 1 },
      { deadline: '2027-01-01', amount: -5 },
      { deadline: '2027-01-01', amount: 1e15 },
      { deadline: '2027-01-01', amount: '100' },
    ]) {
      const r = await api<{ error: string }>('POST', `/claims/${view.id}/tranches`, body)
      expect(r.status).toBe(400)
      expect(r.body.error).toMatch(/^payout\./)
    }
    expect((await api<ClaimViewDto>('GET', `/claims/item/${itemId}`)).body.tranches).toHaveLength(3)
  })

  it('refuses a deadline in the past and a schedule above the agreed sum, changing nothing', async () => {
    const refused = async (method: 'POST' | 'PUT', path: string, body: object, code: string) => {
      const r = await api<{ error: string }>(method, path, body)
      expect([r.status, r.body.error]).toEqual([400, code])
    }
    await refused('POST', `/claims/${view.id}/tranches`, { deadline: '2020-01-31', amount: 1 }, 'payout.deadline-past')
    // the three tranches already make the agreed 3 500,00: one more kopeck is over
    await refused('POST', `/claims/${view.id}/tranches`, { deadline: '2027-01-31', amount: 1 }, 'payout.exceeds-agreed')
    const [t0] = view.tranches
    await refused(
      'PUT',
      `/claims/${view.id}/tranches/${t0.id}`,
      { deadline: t0.deadline, amount: t0.amount + 1 },
      'payout.exceeds-agreed',
    )
    const after = (await api<ClaimViewDto>('GET', `/claims/item/${itemId}`)).body
    expect(after.tranches.map((t) => [t.deadline, t.amount])).toEqual(view.tranches.map((t) => [t.deadline, t.amount]))
  })

  it('two completed tasks: tranches paid, ONE comment 3 500 / 2 000 / 1 500, at most 2 requests per completion', async () => {
    for (const i of [0, 1]) {
      w.sb.admin.resetCounters(w.portalId)
      await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: taskOf(i) }, { userId: accountant.id })
      await expect
        .poll(trancheStatuses, { timeout: 15_000, interval: 150 })
        .toEqual(i === 0 ? ['paid', 'planned', 'planned'] : ['paid', 'paid', 'planned'])
      await new Promise((r) => setTimeout(r, 300))
      const http = w.sb.admin
        .requestLog(w.portalId)
        .filter((e) => !e.viaBatch && e.auth === 'oauth')
        .map((e) => e.method)
      expect(http, JSON.stringify(http)).toEqual(['tasks.task.get', 'batch'])
    }
    const list = totalsComments()
    expect(list).toHaveLength(1)
    expect(String(list[0].COMMENT)).toContain('3 500,00')
    expect(String(list[0].COMMENT)).toMatch(/Выплачено: 2 000,00/)
    expect(String(list[0].COMMENT)).toMatch(/Осталось: 1 500,00/)
  })

  it('a duplicated and a reordered task event change nothing', async () => {
    const events = w.sb.admin.deliveries({ portalId: w.portalId, kind: 'event', name: 'ONTASKUPDATE' })
    const ofTask = (id: number) => events.filter((d) => JSON.stringify(d.body).includes(`"ID":"${id}"`))
    const post = (body: Record<string, unknown>) =>
      w.app.inject({
        method: 'POST',
        url: '/bitrix/events',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: qs.stringify(body),
      })
    const oldFirst = ofTask(taskOf(0))[0]
    expect(oldFirst).toBeDefined()
    expect((await post(oldFirst.body)).statusCode).toBe(200)
    expect((await post({ ...oldFirst.body, ts: String(Number(oldFirst.body.ts ?? 0) - 100) })).statusCode).toBe(200)
    await new Promise((r) => setTimeout(r, 1500))
    expect(await trancheStatuses()).toEqual(['paid', 'paid', 'planned'])
    expect(totalsComments()).toHaveLength(1)
    expect(completionTasks()).toHaveLength(0)
  })

  it('the last tranche creates "Complete the work on the claim" once; reopening reverts the tranche', async () => {
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: taskOf(2) }, { userId: accountant.id })
    await expect.poll(() => completionTasks().length, { timeout: 15_000, interval: 150 }).toBe(1)
    expect(Number(completionTasks()[0].RESPONSIBLE_ID)).toBe(specialist.id)
    expect(String(totalsComments()[0].COMMENT)).toMatch(/Осталось: 0,00/)
    // (the portal stamps events by the second: two changes of one task in one second look like one delivery)
    await new Promise((r) => setTimeout(r, 1100))
    await w.sb.admin.call(w.portalId, 'tasks.task.renew', { taskId: taskOf(2) }, { userId: accountant.id })
    await expect.poll(trancheStatuses, { timeout: 15_000, interval: 150 }).toEqual(['paid', 'paid', 'planned'])
    await expect.poll(() => String(totalsComments()[0].COMMENT), { timeout: 10_000 }).toMatch(/Осталось: 1 500,00/)
    // completed again while the portal loses the event: the periodic reconcile heals it
    w.sb.admin.setFaults(w.portalId, { dropEventRate: 1 })
    await new Promise((r) => setTimeout(r, 1100))
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: taskOf(2) }, { userId: accountant.id })
    await new Promise((r) => setTimeout(r, 500))
    w.sb.admin.clearFaults(w.portalId)
    expect(await trancheStatuses()).toEqual(['paid', 'paid', 'planned'])
    const client = await w.ctx.b24!.forPortal(w.memberId)
    expect(await reconcileTrancheTasks(dunningPorts(w.ctx), client, w.memberId)).toBe(1)
    expect(await trancheStatuses()).toEqual(['paid', 'paid', 'paid'])
    expect(await reconcileTrancheTasks(dunningPorts(w.ctx), client, w.memberId)).toBe(0)
    expect(completionTasks()).toHaveLength(1)
    expect(totalsComments()).toHaveLength(1)
    const paid = (await api<ClaimViewDto>('GET', `/claims/item/${itemId}`)).body.tranches[0]
    expect(paid).toMatchObject({ paidBy: accountant.id, paidByName: 'Мария Бухгалтерова' })
    // a paid tranche cannot be edited any more
    expect((await api('DELETE', `/claims/${view.id}/tranches/${view.tranches[0].id}`)).status).toBe(400)
  })
})
