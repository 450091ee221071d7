// Basic conformance of the methods the app came to call with the contract statuses (company card field,
// task steps), the CRM permission check, the doctor and the uninstall: documented shapes only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fails, makeSpa, setup, type World } from '../harness.ts'

let w: World
let company: number
let contact: number
let taskId: number

beforeAll(async () => {
  w = await setup()
  company = Number(w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Ромашка' }))
  contact = Number(w.sb.admin.seedContact(w.portalId, { NAME: 'Иван', LAST_NAME: 'Петров' }))
  taskId = Number((await call(w.b24, 'tasks.task.add', { fields: { TITLE: 'Check', RESPONSIBLE_ID: 1 } })).task.id)
})
afterAll(async () => w.close())

describe('basic conformance: the methods of contract statuses, permissions, doctor and uninstall', () => {
  it('crm.company.list: filter by ID, ids as strings (api-reference/crm/companies/crm-company-list.md)', async () => {
    const rows = await call<{ ID: string; TITLE: string }[]>(w.b24, 'crm.company.list', {
      filter: { ID: company },
      select: ['ID', 'TITLE'],
    })
    expect(rows).toEqual([expect.objectContaining({ ID: String(company), TITLE: 'ООО Ромашка' })])
  })

  it('crm.company.update: answers true and the change reads back (api-reference/crm/companies/crm-company-update.md)', async () => {
    expect(await call(w.b24, 'crm.company.update', { id: company, fields: { TITLE: 'ООО Ромашка+' } })).toBe(true)
    const [row] = await call<{ TITLE: string }[]>(w.b24, 'crm.company.list', { filter: { ID: company } })
    expect(row.TITLE).toBe('ООО Ромашка+')
    expect((await fails(w.b24, 'crm.company.update', { id: 999_999, fields: { TITLE: 'x' } })).status).toBe(400)
  })

  it('crm.contact.list: filter by ID, ids as strings (api-reference/crm/contacts/crm-contact-list.md)', async () => {
    const rows = await call<{ ID: string }[]>(w.b24, 'crm.contact.list', { filter: { ID: contact }, select: ['ID'] })
    expect(rows.map((r) => r.ID)).toEqual([String(contact)])
  })

  it('method.get: tells whether a method exists and is available (api-reference/common/system/method-get.md)', async () => {
    expect(await call(w.b24, 'method.get', { name: 'crm.item.list' })).toMatchObject({ isExisting: true })
    expect(await call(w.b24, 'method.get', { name: 'no.such.method' })).toMatchObject({ isExisting: false })
  })

  it("scope: lists the app's granted scopes (api-reference/common/system/scope.md)", async () => {
    const scopes = await call<string[]>(w.b24, 'scope')
    expect(scopes).toEqual(expect.arrayContaining(['crm', 'task']))
  })

  it('task.commentitem.add: answers the comment id (api-reference/tasks/comment-item/task-comment-item-add.md)', async () => {
    const id = await call(w.b24, 'task.commentitem.add', { TASKID: taskId, FIELDS: { POST_MESSAGE: 'Оплачено' } })
    expect(Number(id)).toBeGreaterThan(0)
  })

  it('tasks.task.defer: the task is deferred, status 6 (api-reference/tasks/tasks-task-defer.md)', async () => {
    const { task } = await call(w.b24, 'tasks.task.defer', { taskId })
    expect(String(task.status)).toBe('6')
  })

  it('tasks.task.complete: the task is completed, status 5 (api-reference/tasks/tasks-task-complete.md)', async () => {
    const { task } = await call(w.b24, 'tasks.task.complete', { taskId })
    expect(String(task.status)).toBe('5')
  })

  it('userfieldconfig.delete: the field is gone (api-reference/crm/universal/userfieldconfig/userfieldconfig-delete.md)', async () => {
    const spa = await makeSpa(w.b24)
    const { field } = await call(w.b24, 'userfieldconfig.add', {
      moduleId: 'crm',
      field: { entityId: `CRM_${spa.id}`, fieldName: `UF_CRM_${spa.id}_GONE`, userTypeId: 'string' },
    })
    await call(w.b24, 'userfieldconfig.delete', { moduleId: 'crm', id: field.id })
    const { fields } = await call(w.b24, 'userfieldconfig.list', {
      moduleId: 'crm',
      filter: { entityId: `CRM_${spa.id}` },
    })
    expect(fields.map((f: { fieldName: string }) => f.fieldName)).not.toContain(`UF_CRM_${spa.id}_GONE`)
  })
})
