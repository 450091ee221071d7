// The counterparty tab's interaction history, "hand over" and "ping" against the sandbox portal,
// through the API the tab calls with a user's own portal token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld as startInstalledApp, type RobotWorld as InstalledApp } from '../../helpers/installed-app.ts'

let w: InstalledApp
let colleague: { id: number }
let rec: { receivableId: number; itemId: number }
beforeAll(async () => {
  w = await startInstalledApp()
  colleague = w.sb.admin.addUser(w.portalId, { name: 'Антон', lastName: 'Коллегов' })
  rec = await w.newReceivable({ amount: 250_000 })
}, 60_000)
afterAll(async () => w?.close())

const api = (method: 'GET' | 'POST', url: string, payload?: object, userId = 1) => {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, userId) as { access_token: string }
  return w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
}

describe('hand over', () => {
  it('creates one task for the colleague, bound to the item and the company, once per request', async () => {
    const body = { userId: colleague.id, comment: 'Позвони бухгалтеру', requestId: 'req-handover-0001' }
    const r1 = await api('POST', `/receivables/${rec.receivableId}/hand-over`, body)
    const r2 = await api('POST', `/receivables/${rec.receivableId}/hand-over`, body)
    expect(r1.statusCode, r1.body).toBe(200)
    expect(r2.json()).toEqual(r1.json())
    const tasks = w.sb.admin.tasks(w.portalId).filter((t) => Number(t.RESPONSIBLE_ID) === colleague.id)
    expect(tasks).toHaveLength(1)
    expect(tasks[0].UF_CRM_TASK).toEqual(
      expect.arrayContaining([`CO_${w.companyId}`, `T${w.receivables.entityTypeId.toString(16)}_${rec.itemId}`]),
    )
    expect(String(tasks[0].DESCRIPTION)).toContain('Позвони бухгалтеру')
  })

  it.each([
    [{ userId: 99_999, requestId: 'req-handover-0002' }, 400, 'not an active user'],
    [{ userId: 'one', requestId: 'req-handover-0003' }, 400, 'userId must be'],
    [{ userId: 1, requestId: 'x' }, 400, 'requestId must be'],
  ])('refuses %j and creates nothing', async (body, status, message) => {
    const before = w.sb.admin.tasks(w.portalId).length
    const r = await api('POST', `/receivables/${rec.receivableId}/hand-over`, body)
    expect(r.statusCode).toBe(status)
    expect(r.json().message).toContain(message)
    expect(w.sb.admin.tasks(w.portalId)).toHaveLength(before)
  })

  it('404s for a receivable that does not exist', async () => {
    expect(
      (await api('POST', '/receivables/987654/hand-over', { userId: 1, requestId: 'req-handover-0004' })).statusCode,
    ).toBe(404)
  })
})

describe('interaction history and ping', () => {
  it('lists tasks, activities and comments with names, flags an overdue task, and pings its responsible once', async () => {
    await w.sb.admin.call(w.portalId, 'tasks.task.add', {
      fields: {
        TITLE: 'Сверка с клиентом',
        RESPONSIBLE_ID: colleague.id,
        DEADLINE: '2025-01-10T18:00:00+03:00',
        UF_CRM_TASK: [`CO_${w.companyId}`],
      },
    })
    await w.sb.admin.call(w.portalId, 'crm.timeline.comment.add', {
      fields: { ENTITY_TYPE: 'company', ENTITY_ID: w.companyId, COMMENT: 'Клиент обещал оплатить в пятницу' },
    })
    const r = await api('GET', `/counterparties/company/${w.companyId}/interactions`)
    expect(r.statusCode, r.body).toBe(200)
    const items = r.json().items as {
      kind: string
      title: string
      overdue: boolean
      responsibleName: string
      id: number
      status: string
    }[]
    const overdue = items.find((i) => i.title === 'Сверка с клиентом')!
    expect(overdue).toMatchObject({ kind: 'task', overdue: true, responsibleName: 'Антон Коллегов', status: 'pending' })
    expect(items.find((i) => i.kind === 'task' && i.title.includes('Дебиторка'))).toMatchObject({ overdue: false })
    expect(items.some((i) => i.kind === 'comment' && i.title === 'Клиент обещал оплатить в пятницу')).toBe(true)

    const before = w.sb.admin
      .notifications(w.portalId)
      .filter((n) => Number(n.USER_ID ?? n.userId) === colleague.id).length
    const ping = { kind: 'task', id: overdue.id, requestId: 'req-ping-000001' }
    const pinger = w.sb.admin.addUser(w.portalId, { name: 'Мария', lastName: 'Менеджер' })
    expect((await api('POST', '/interactions/ping', ping, pinger.id)).statusCode).toBe(200)
    expect((await api('POST', '/interactions/ping', ping, pinger.id)).statusCode).toBe(200)
    const mine = w.sb.admin.notifications(w.portalId).filter((n) => Number(n.USER_ID ?? n.userId) === colleague.id)
    expect(mine.length - before).toBe(1)
    expect(JSON.stringify(mine.at(-1))).toContain('Сверка с клиентом')
    expect(JSON.stringify(mine.at(-1))).toContain('Мария Менеджер')
    expect(
      (await api('POST', '/interactions/ping', { kind: 'task', id: 424242, requestId: 'req-ping-000002' })).statusCode,
    ).toBe(404)
    expect(
      (await api('POST', '/interactions/ping', { kind: 'deal', id: 1, requestId: 'req-ping-000003' })).statusCode,
    ).toBe(400)
  })
})
