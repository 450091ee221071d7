// The claim work settings on the admin page against the sandbox portal: the defaults come from the
// approval roles; a valid form is stored and audited with the keys that changed, an unchanged one
// writes nothing; bad forms are refused with the field named; non-admins are refused; and the saved
// accountant and days are what the payout tranche tasks use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import type { ClaimSettingsDto } from '../../../contracts/claim-settings.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'
import { addDays } from '../../../server/domain/calendar/index.ts'
import { portalDay } from '../../../server/use-cases/receivables/receivable-calendar.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'

let w: RobotWorld
let clerk: number
let junior: number
let lawyer: number
let accountant: number
const call = async <T>(method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, user = 1) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, user) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${t.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  })
  return { status: r.statusCode, body: r.json() as T & { error?: string; message?: string } }
}
const audits = async () =>
  await w.ctx.database.db
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .where('member_id', '=', w.memberId)
    .where('entity_id', '=', 'claims')
    .orderBy('id')
    .execute()
const stored = () => w.ctx.repos.settings.get(w.memberId, 'claims')

beforeAll(async () => {
  w = await startRobotWorld()
  clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
  junior = w.sb.admin.addUser(w.portalId, { name: 'Анна', lastName: 'Бухгалтер' }).id
  lawyer = w.sb.admin.addUser(w.portalId, { name: 'Олег', lastName: 'Юрист' }).id
  accountant = w.sb.admin.addUser(w.portalId, { name: 'Мария', lastName: 'Выплатная' }).id
  await w.ctx.repos.settings.set(w.memberId, 'approvals.roles', { juniorAccountant: junior, lawyer }, 'test')
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe('claim work settings (admin)', () => {
  it('GET: nothing stored, the defaults from the approval roles and 2 working days', async () => {
    const r = await call<ClaimSettingsDto>('GET', '/admin/claim-settings')
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      stored: { accountantId: null, taskDaysBefore: null, specialistId: null, afterPretrial: null },
      effective: { accountantId: junior, taskDaysBefore: 2, specialistId: lawyer, afterPretrial: 'move' },
      defaults: {
        accountant: { role: 'juniorAccountant', userId: junior },
        specialist: { role: 'lawyer', userId: lawyer },
        taskDaysBefore: 2,
        afterPretrial: 'move',
      },
    })
  })

  it('PUT: bad forms are refused with the field named and store nothing; non-admins get 403', async () => {
    const bad: [unknown, RegExp][] = [
      [
        { accountantId: accountant, taskDaysBefore: 2, specialistId: null, accountant: 1 },
        /unknown field "accountant"/,
      ],
      [
        { accountantId: accountant, taskDaysBefore: 31, specialistId: null },
        /taskDaysBefore must be a whole number of working days from 0 to 30/,
      ],
      [{ accountantId: -4, taskDaysBefore: 2, specialistId: null }, /accountantId must be a portal user id/],
      [
        { accountantId: accountant, taskDaysBefore: 2, specialistId: String(lawyer) },
        /specialistId must be a portal user id/,
      ],
      [{ accountantId: accountant, taskDaysBefore: 2 }, /missing specialistId/],
      [[1, 2, 3], /body must be an object/],
      [
        { accountantId: accountant, taskDaysBefore: 2, specialistId: null, afterPretrial: 'court' },
        /afterPretrial must be one of move, task, off/,
      ],
    ]
    for (const [body, message] of bad) {
      const r = await call('PUT', '/admin/claim-settings', body)
      expect(r, JSON.stringify(body)).toMatchObject({ status: 400, body: { error: 'settings.invalid' } })
      expect(r.body.message).toMatch(message)
    }
    expect(
      (
        await call(
          'PUT',
          '/admin/claim-settings',
          { accountantId: accountant, taskDaysBefore: 5, specialistId: null },
          clerk,
        )
      ).status,
    ).toBe(403)
    expect((await call('GET', '/admin/claim-settings', undefined, clerk)).status).toBe(403)
    expect(await stored()).toBeNull()
    expect(await audits()).toEqual([])
  })

  it('PUT: the defaults unchanged write nothing; a change is stored and audited with the changed keys only', async () => {
    const same = await call<ClaimSettingsDto>('PUT', '/admin/claim-settings', {
      accountantId: null,
      taskDaysBefore: 2,
      specialistId: null,
    })
    expect(same.status).toBe(200)
    expect(await stored()).toBeNull()
    expect(await audits()).toEqual([])
    const r = await call<ClaimSettingsDto>('PUT', '/admin/claim-settings', {
      accountantId: accountant,
      taskDaysBefore: 30,
      specialistId: null,
    })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.stored).toEqual({
      accountantId: accountant,
      taskDaysBefore: 30,
      specialistId: null,
      afterPretrial: null,
    })
    expect(r.body.effective).toEqual({
      accountantId: accountant,
      taskDaysBefore: 30,
      specialistId: lawyer,
      afterPretrial: 'move',
    })
    expect(await stored()).toEqual({ accountantId: accountant, taskDaysBefore: 30, specialistId: null })
    const rows = await audits()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      action: 'settings.changed',
      details: { changed: ['accountantId', 'taskDaysBefore'], value: { accountantId: accountant, taskDaysBefore: 30 } },
    })
    // the same form again: nothing written
    expect(
      (await call('PUT', '/admin/claim-settings', { accountantId: accountant, taskDaysBefore: 30, specialistId: null }))
        .status,
    ).toBe(200)
    expect(await audits()).toHaveLength(1)
    expect((await call<ClaimSettingsDto>('GET', '/admin/claim-settings')).body.stored).toEqual({
      accountantId: accountant,
      taskDaysBefore: 30,
      specialistId: null,
      afterPretrial: null,
    })
    // what happens after the pre-trial period: saved with the form, kept by a form that leaves it out
    const task = await call<ClaimSettingsDto>('PUT', '/admin/claim-settings', {
      accountantId: accountant,
      taskDaysBefore: 30,
      specialistId: null,
      afterPretrial: 'task',
    })
    expect(task.body.effective.afterPretrial).toBe('task')
    expect((await audits())[1]).toMatchObject({ details: { changed: ['afterPretrial'] } })
    await call('PUT', '/admin/claim-settings', { accountantId: accountant, taskDaysBefore: 30, specialistId: null })
    expect(await stored()).toEqual({
      accountantId: accountant,
      taskDaysBefore: 30,
      specialistId: null,
      afterPretrial: 'task',
    })
    expect(await audits()).toHaveLength(2)
  })

  it('the tranche tasks go to the saved accountant, as many working days ahead as saved', async () => {
    const c = w.state.processes.claims!
    const { result } = await w.sb.admin.call<{ item: { id: number } }>(w.portalId, 'crm.item.add', {
      entityTypeId: c.entityTypeId,
      fields: {
        title: 'Компенсация: настройки претензий',
        categoryId: c.pipelines.compensation!.categoryId,
        assignedById: clerk,
        companyId: w.companyId,
        [c.fields.compensationAmount.restName]: '2000|RUB',
      },
    })
    const claim = await call<ClaimViewDto>('GET', `/claims/item/${Number(result.item.id)}`)
    expect(claim.status, JSON.stringify(claim.body)).toBe(200)
    const { today } = await portalDay(receivablesPorts(w.ctx), w.memberId)
    const deadline = addDays(today, 10) // within 30 working days, beyond 0
    const first = await call<ClaimViewDto>('POST', `/claims/${claim.body.id}/tranches`, { deadline, amount: 100_000 })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const taskId = first.body.tranches[0].taskId
    expect(taskId).toBeTruthy()
    const task = w.sb.admin.tasks(w.portalId).find((t) => Number(t.id) === taskId)
    expect(Number(task?.RESPONSIBLE_ID)).toBe(accountant)
    // 0 days before: a tranche due in 10 days gets no task yet
    expect(
      (await call('PUT', '/admin/claim-settings', { accountantId: accountant, taskDaysBefore: 0, specialistId: null }))
        .status,
    ).toBe(200)
    const second = await call<ClaimViewDto>('POST', `/claims/${claim.body.id}/tranches`, {
      deadline: addDays(today, 11),
      amount: 100_000,
    })
    expect(second.status, JSON.stringify(second.body)).toBe(200)
    expect(second.body.tranches).toHaveLength(2)
    expect(second.body.tranches.find((t) => t.deadline === addDays(today, 11))?.taskId ?? null).toBeNull()
    expect(w.sb.admin.tasks(w.portalId).filter((t) => Number(t.RESPONSIBLE_ID) === accountant)).toHaveLength(1)
  })
})
