import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, callFull, fails, makeSpa, setup, type World } from './harness.ts'

let w: World
let spa: { id: number; entityTypeId: number }
let itemId: number

beforeAll(async () => {
  w = await setup()
  spa = await makeSpa(w.b24)
  itemId = (await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'Inv' } })).item.id
})
afterAll(async () => w.close())

describe('companies, contacts, requisites', () => {
  it('add/get/list/update in UPPER_CASE with multifields', async () => {
    const id = await call(w.b24, 'crm.company.add', {
      fields: { TITLE: 'Romashka LLC', EMAIL: [{ VALUE: 'info@romashka.ru', VALUE_TYPE: 'WORK' }] },
    })
    const c = await call(w.b24, 'crm.company.get', { id })
    expect(c).toMatchObject({ ID: String(id), TITLE: 'Romashka LLC', ASSIGNED_BY_ID: '1' })
    expect(c.EMAIL[0]).toMatchObject({ VALUE: 'info@romashka.ru', VALUE_TYPE: 'WORK', TYPE_ID: 'EMAIL' })
    expect(await call(w.b24, 'crm.company.update', { id, fields: { TITLE: 'Romashka' } })).toBe(true)
    const list = await callFull(w.b24, 'crm.company.list', { filter: { '%TITLE': 'Roma' }, select: ['ID', 'TITLE'] })
    expect(list.result).toEqual([{ ID: String(id), TITLE: 'Romashka' }])
    expect(list.total).toBe(1)
    const contact = await call(w.b24, 'crm.contact.add', {
      fields: { NAME: 'Anna', LAST_NAME: 'Ivanova', COMPANY_ID: id },
    })
    expect((await call(w.b24, 'crm.contact.get', { id: contact })).COMPANY_ID).toBe(String(id))
    expect(await call(w.b24, 'crm.contact.update', { id: contact, fields: { POST: 'CFO' } })).toBe(true)
    expect((await call(w.b24, 'crm.contact.list', { filter: { POST: 'CFO' } }))[0].NAME).toBe('Anna')
    expect(await fails(w.b24, 'crm.company.get', { id: 99999 })).toMatchObject({ code: 'NOT_FOUND', status: 400 })
  })

  it('requisites seeded with a company are listed with RQ_INN / RQ_KPP', async () => {
    const id = w.sb.admin.seedCompany(w.portalId, { TITLE: 'Vasilek' }, [
      { RQ_INN: '7707083893', RQ_KPP: '773601001', RQ_COMPANY_NAME: 'Vasilek' },
    ])
    const rows = await call(w.b24, 'crm.requisite.list', {
      filter: { ENTITY_TYPE_ID: 4, ENTITY_ID: id },
      select: ['ID', 'RQ_INN', 'RQ_KPP'],
    })
    expect(rows).toEqual([{ ID: expect.any(String), RQ_INN: '7707083893', RQ_KPP: '773601001' }])
  })
})

describe('timeline and activities', () => {
  it('comment add/get/update/list/delete on a smart-process item', async () => {
    const type = `DYNAMIC_${spa.entityTypeId}`
    const id = await call(w.b24, 'crm.timeline.comment.add', {
      fields: { ENTITY_ID: itemId, ENTITY_TYPE: type, COMMENT: 'Totals: 100' },
    })
    expect(await call(w.b24, 'crm.timeline.comment.update', { id, fields: { COMMENT: 'Totals: 200' } })).toBe(id)
    const c = await call(w.b24, 'crm.timeline.comment.get', { id })
    expect(c).toMatchObject({
      ENTITY_TYPE: type.toLowerCase(),
      ENTITY_ID: String(itemId),
      COMMENT: 'Totals: 200',
      AUTHOR_ID: '1',
    })
    const list = await call(w.b24, 'crm.timeline.comment.list', { filter: { ENTITY_ID: itemId, ENTITY_TYPE: type } })
    expect(list.map((x: { ID: string }) => x.ID)).toEqual([String(id)])
    expect(
      await fails(w.b24, 'crm.timeline.comment.add', {
        fields: { ENTITY_ID: itemId, ENTITY_TYPE: `dynamic_${spa.id + 5000}`, COMMENT: 'x' },
      }),
    ).toMatchObject({ code: 'OWNER_NOT_FOUND' })
    expect(await call(w.b24, 'crm.timeline.comment.delete', { id })).toBe(true)
    expect(
      await call(w.b24, 'crm.timeline.comment.list', { filter: { ENTITY_ID: itemId, ENTITY_TYPE: type } }),
    ).toEqual([])
  })

  it('an outgoing completed e-mail activity lands in the outbox; others do not', async () => {
    const fields = {
      OWNER_TYPE_ID: spa.entityTypeId,
      OWNER_ID: itemId,
      TYPE_ID: 4,
      SUBJECT: 'Invoice 1',
      DESCRIPTION: 'Please pay',
      DESCRIPTION_TYPE: 1,
      DIRECTION: 2,
      COMPLETED: 'Y',
      RESPONSIBLE_ID: 1,
      COMMUNICATIONS: [{ VALUE: 'client@example.com', ENTITY_ID: 1, ENTITY_TYPE_ID: 3 }],
      SETTINGS: { MESSAGE_FROM: 'Finance <finance@example.com>' },
    }
    const id = await call(w.b24, 'crm.activity.add', { fields })
    await call(w.b24, 'crm.activity.add', { fields: { ...fields, COMPLETED: 'N' } })
    const out = w.sb.admin.outbox(w.portalId)
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({
      activityId: id,
      to: 'client@example.com',
      from: 'Finance <finance@example.com>',
      subject: 'Invoice 1',
    })
    const list = await call(w.b24, 'crm.activity.list', {
      filter: { OWNER_ID: itemId, OWNER_TYPE_ID: spa.entityTypeId },
      select: ['ID', 'SUBJECT', 'COMMUNICATIONS'],
    })
    expect(list).toHaveLength(2)
    expect(list[0].COMMUNICATIONS[0].VALUE).toBe('client@example.com')
  })
})

describe('tasks', () => {
  it('add with bindings, get with UF select, update, complete, list, delete', async () => {
    const short = `T${spa.entityTypeId.toString(16)}_${itemId}`
    const { task } = await call(w.b24, 'tasks.task.add', {
      fields: {
        TITLE: 'Call the client',
        RESPONSIBLE_ID: 1,
        UF_CRM_TASK: [short, 'CO_12', `T${(4000).toString(16)}_1`],
        DEADLINE: '2026-12-01T10:00:00+03:00',
      },
    })
    expect(task).toMatchObject({ title: 'Call the client', status: '2', responsibleId: '1' })
    expect(task.ufCrmTask).toBeUndefined()
    const got = (await call(w.b24, 'tasks.task.get', { taskId: task.id, select: ['ID', 'TITLE', 'UF_CRM_TASK'] })).task
    expect(got.ufCrmTask).toEqual([short, 'CO_12'])
    const sub = (
      await call(w.b24, 'tasks.task.add', { fields: { TITLE: 'Sub', RESPONSIBLE_ID: 1, PARENT_ID: task.id } })
    ).task
    expect(sub.parentId).toBe(task.id)
    expect(
      (await call(w.b24, 'tasks.task.update', { taskId: task.id, fields: { TITLE: 'Call again' } })).task.title,
    ).toBe('Call again')
    expect((await call(w.b24, 'tasks.task.complete', { taskId: task.id })).task.status).toBe('5')
    const list = await call(w.b24, 'tasks.task.list', { filter: { UF_CRM_TASK: short }, select: ['ID', 'TITLE'] })
    expect(list.tasks.map((t: { id: string }) => t.id)).toEqual([task.id])
    const byParent = await call(w.b24, 'tasks.task.list', { filter: { PARENT_ID: task.id } })
    expect(byParent.tasks).toHaveLength(1)
    expect(
      await call(w.b24, 'task.checklistitem.add', { TASKID: task.id, FIELDS: { TITLE: 'Check documents' } }),
    ).toEqual(expect.any(Number))
    expect(
      await call(w.b24, 'task.checklistitem.add', [task.id, { TITLE: 'Positional' }] as unknown as Record<
        string,
        unknown
      >),
    ).toEqual(expect.any(Number))
    expect((await call(w.b24, 'tasks.task.delete', { taskId: sub.id })).task).toBe(true)
    expect(await fails(w.b24, 'tasks.task.get', { taskId: sub.id })).toMatchObject({ status: 400 })
  })
})

describe('notifications', () => {
  it('records system and personal notifications; a tag replaces older ones', async () => {
    await call(w.b24, 'im.notify.system.add', { USER_ID: 1, MESSAGE: 'First', TAG: 'debt-5' })
    await call(w.b24, 'im.notify.system.add', { USER_ID: 1, MESSAGE: 'Second', TAG: 'debt-5' })
    await call(w.b24, 'im.notify.personal.add', { USER_ID: 1, MESSAGE: 'From me' })
    const n = w.sb.admin.notifications(w.portalId)
    expect(n.map((x) => [x.kind, x.message, x.removed])).toEqual([
      ['system', 'First', true],
      ['system', 'Second', false],
      ['personal', 'From me', false],
    ])
    expect(await fails(w.b24, 'im.notify.system.add', { USER_ID: 1, MESSAGE: '' })).toMatchObject({
      code: 'MESSAGE_EMPTY',
    })
  })
})
