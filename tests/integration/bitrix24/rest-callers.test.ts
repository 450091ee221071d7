// The typed callers (server/bitrix24/rest) against the sandbox through the real client: each area's
// method names, parameter shapes and result unwrapping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import type { PortalClient } from '../../../server/bitrix24/client/portal-client.ts'
import {
  activities,
  bizproc,
  fields,
  fullName,
  im,
  items,
  stages,
  tasks,
  TASK_DONE,
  timeline,
  timelineTarget,
  users,
} from '../../../server/bitrix24/rest/index.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
let c: PortalClient
let etid: number
beforeAll(async () => {
  w = await connectSandboxApp()
  await installPortal(w.ctx, w.memberId, true)
  c = await w.ctx.b24!.forPortal(w.memberId)
  etid = (await w.ctx.repos.installState.get(w.memberId))!.processes.receivables!.entityTypeId
}, 120_000)
afterAll(async () => w?.close())

describe('typed REST callers', () => {
  it('items and stages of a smart process', async () => {
    const created = await items.add(c, etid, { title: 'INV-1', xmlId: 'probe-1' })
    expect(created.id).toBeGreaterThan(0)
    expect((await items.get(c, etid, created.id)).title).toBe('INV-1')
    await items.update(c, etid, created.id, { title: 'INV-1a' })
    expect((await items.list(c, etid, { xmlId: 'probe-1' }, ['id', 'title'])).map((i) => i.title)).toEqual(['INV-1a'])
    expect((await items.listAll(c, etid, {}, ['id'])).length).toBeGreaterThanOrEqual(1)
    const [cat] = await stages.categories(c, etid)
    const list = await stages.list(c, etid, cat.id)
    expect(list.map((s) => s.STATUS_ID)).toContain(`DT${etid}_${cat.id}:OVERDUE`)
    const f = await fields.ofItems(c, etid)
    expect(Object.values(f).some((x) => x.upperName.endsWith('_RC_INVOICE_NO') || x.upperName.includes('_RC_'))).toBe(
      true,
    )
  })

  it('tasks, timeline, activities, notifications, users and robots', async () => {
    const boss = w.sb.admin.addUser(w.portalId, { name: 'Вера', lastName: 'Главная' })
    const dep = w.sb.admin.addDepartment(w.portalId, { name: 'Финансы', head: boss.id })
    const taskId = await tasks.add(c, {
      TITLE: 'Позвонить',
      RESPONSIBLE_ID: boss.id,
      XML_ID: 'probe-task-1',
      UF_CRM_TASK: ['CO_1'],
    })
    const own = { TITLE: 'Позвонить', RESPONSIBLE_ID: boss.id, UF_CRM_TASK: ['CO_1'] }
    expect(await tasks.findOwn(c, 'probe-task-1', own)).toBe(taskId)
    expect(await tasks.findOwn(c, 'no-such', own)).toBeNull()
    expect((await tasks.get(c, taskId)).title).toBe('Позвонить')
    expect((await tasks.list(c, { RESPONSIBLE_ID: boss.id }, ['ID'])).map((t) => Number(t.id))).toEqual([taskId])
    expect(TASK_DONE).toBe(5)
    const company = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Проба' })
    const target = timelineTarget('company', company)
    const commentId = await timeline.add(c, target, 'первый')
    await timeline.update(c, commentId, target, 'второй')
    expect((await timeline.list(c, target)).map((x) => x.COMMENT)).toEqual(['второй'])
    expect(timelineTarget(1040, 5)).toEqual({ ENTITY_TYPE: 'dynamic_1040', ENTITY_ID: 5 })
    expect(await activities.list(c, 4, company)).toEqual([])
    expect(await im.notify(c, boss.id, 'привет', 'probe-tag')).toBeGreaterThan(0)
    expect(fullName((await users.get(c, boss.id))!)).toBe('Вера Главная')
    expect(await users.get(c, 987_654)).toBeNull()
    expect((await users.many(c, [1, boss.id])).length).toBe(2)
    expect(Number((await users.department(c, dep.id))!.UF_HEAD)).toBe(boss.id)
    expect((await bizproc.robotCodes(c)).length).toBeGreaterThan(0)
  })
})
