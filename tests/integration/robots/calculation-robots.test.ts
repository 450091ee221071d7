// penalty-calculate, working-deadline and department-head-find through the sandbox's automation
// runner: the real robot payload, our answer through bizproc.event.send, bad properties answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { robots } from '../../../robots/index.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'

let w: RobotWorld
beforeAll(async () => {
  w = await startRobotWorld()
}, 60_000)
afterAll(async () => w?.close())

describe('robots registered by the install', () => {
  it('lists every robot with ru and en names, bound to our handler; a second install changes nothing', async () => {
    const codes = w.sb.admin.robots(w.portalId) as unknown as {
      CODE: string
      NAME: Record<string, string>
      HANDLER: string
    }[]
    expect(codes.map((r) => r.CODE).sort()).toEqual(robots.map((r) => r.code).sort())
    for (const r of codes) {
      expect(r.NAME.ru && r.NAME.en && r.NAME.ru !== r.NAME.en).toBeTruthy()
      expect(r.HANDLER).toBe(`${w.appBase}/bitrix/robots/${r.CODE}`)
    }
    w.sb.admin.resetCounters(w.portalId)
    await installPortal(w.ctx, w.memberId, true)
    expect(w.sb.admin.requestLog(w.portalId).length).toBeGreaterThan(3)
    const writes = w.sb.admin
      .requestLog(w.portalId)
      .map((e) => String((e as { method?: string }).method))
      .filter((m) => /\.(add|update|delete)$/.test(m))
    expect(writes).toEqual([])
  })
})

describe('penalty-calculate', () => {
  it('returns the reference art. 395 interest with its table', async () => {
    const { itemId } = await w.newReceivable()
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'OVERDUE'), [
      {
        robot: 'penalty-calculate',
        properties: { debt: '500000', dueDate: '2024-07-10', paymentDate: '2024-11-15', method: '395' },
      },
    ])
    const step = run.steps[0]
    expect(step.status).toBe('done')
    expect(step.returnValues).toMatchObject({ success: 'Y', errorMessage: '', days: 128 })
    expect(String(step.returnValues!.table)).toContain('ст. 395')
    expect(Number(step.returnValues!.penalty)).toBeGreaterThan(0)
  })

  it('caps a per-day penalty and answers a bad property with an error result, not a hang', async () => {
    const { itemId } = await w.newReceivable()
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'NEGOTIATION'), [
      {
        robot: 'penalty-calculate',
        properties: {
          debt: '500000.00',
          dueDate: '2024-07-10',
          paymentDate: '2025-06-20',
          method: 'per-day',
          rate: '0.1',
          capPercent: '10',
        },
      },
      { robot: 'penalty-calculate', properties: { debt: 'много', dueDate: '2024-07-10', method: '395' } },
      { robot: 'penalty-calculate', properties: { debt: '1000', dueDate: '2024-07-10', method: 'per-day' } },
    ])
    expect(run.steps[0].returnValues).toMatchObject({ success: 'Y', penalty: '50000.00' })
    expect(run.steps[1].returnValues).toMatchObject({ success: 'N' })
    expect(String(run.steps[1].returnValues!.errorMessage)).toMatch(/"debt" must be a number/)
    expect(run.steps[2].returnValues).toMatchObject({ success: 'N' })
    expect(String(run.steps[2].returnValues!.errorMessage)).toMatch(/needs "rate"/)
    expect(run.status).toBe('done')
  })
})

describe('working-deadline', () => {
  it('adds working days over the New Year holidays and applies the request cut-off rule', async () => {
    const { itemId } = await w.newReceivable()
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'REMINDER'), [
      { robot: 'working-deadline', properties: { start: '30.12.2025 10:00', days: '2' } },
      { robot: 'working-deadline', properties: { start: '2026-11-20 14:30', mode: 'request', cutoff: '13:00' } },
      { robot: 'working-deadline', properties: { start: '2026-11-20 12:00', mode: 'request' } },
      { robot: 'working-deadline', properties: { start: '2026-11-20 12:00' } },
    ])
    // 31.12.2025 is a day off in 2026's calendar; 1-11 January too: the 2nd working day is 13 January
    expect(run.steps[0].returnValues).toMatchObject({
      success: 'Y',
      deadline: '2026-01-13T10:00:00+03:00',
      deadlineDate: '2026-01-13',
    })
    expect(run.steps[1].returnValues).toMatchObject({ deadline: '2026-11-23T18:00:00+03:00' })
    expect(run.steps[2].returnValues).toMatchObject({ deadline: '2026-11-20T18:00:00+03:00' })
    expect(run.steps[3].returnValues).toMatchObject({ success: 'N' })
    expect(String(run.steps[3].returnValues!.errorMessage)).toMatch(/Give "days" or "hours"/)
  })
})

describe('department-head-find', () => {
  it('walks up to the nearest head, and above the user when the user is the head', async () => {
    const boss = w.sb.admin.addUser(w.portalId, { name: 'Ольга', lastName: 'Директор' })
    const lead = w.sb.admin.addUser(w.portalId, { name: 'Иван', lastName: 'Руководитель' })
    const top = w.sb.admin.addDepartment(w.portalId, { name: 'Компания', head: boss.id })
    const sales = w.sb.admin.addDepartment(w.portalId, { name: 'Продажи', parent: top.id, head: lead.id })
    const team = w.sb.admin.addDepartment(w.portalId, { name: 'Группа без руководителя', parent: sales.id })
    const clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер', departments: [team.id] })
    w.sb.admin.updateUser(w.portalId, lead.id, { departments: [sales.id] })
    const { itemId } = await w.newReceivable()
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'CHECK'), [
      { robot: 'department-head-find', properties: { user: `user_${clerk.id}` } },
      { robot: 'department-head-find', properties: { user: `user_${lead.id}` } },
      { robot: 'department-head-find', properties: { user: 'user_999' } },
      { robot: 'department-head-find', properties: {} },
    ])
    expect(run.steps[0].returnValues).toMatchObject({
      success: 'Y',
      head: `user_${lead.id}`,
      headName: 'Иван Руководитель',
      found: 'Y',
    })
    expect(run.steps[1].returnValues).toMatchObject({ head: `user_${boss.id}`, found: 'Y' })
    expect(run.steps[2].returnValues).toMatchObject({ success: 'Y', found: 'N' })
    expect(run.steps[3].returnValues).toMatchObject({ success: 'N' })
  })
})
