// Basic conformance of the task and activity methods the app calls (documented shapes only; the
// stricter list/filter and required-field rules are part B's conformance files).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fails, makeSpa, setup, type World } from '../harness.ts'

let w: World
let spa: { id: number; entityTypeId: number }
let itemId: number
let taskId: number

beforeAll(async () => {
  w = await setup()
  spa = await makeSpa(w.b24)
  itemId = (await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'a' } })).item.id
})
afterAll(async () => w.close())

const EMAIL = (subject: string) => ({
  OWNER_TYPE_ID: spa.entityTypeId,
  OWNER_ID: itemId,
  TYPE_ID: 4,
  SUBJECT: subject,
  DESCRIPTION: 'text',
  DIRECTION: 2,
  COMPLETED: 'N',
  RESPONSIBLE_ID: 1,
  COMMUNICATIONS: [{ VALUE: 'client@example.com', ENTITY_ID: 1, ENTITY_TYPE_ID: 3 }],
})

describe('basic conformance: tasks and activities', () => {
  it('tasks.task.add: answers { task } with ids as strings (api-reference/tasks/tasks-task-add.md)', async () => {
    const { task } = await call(w.b24, 'tasks.task.add', {
      fields: { TITLE: 'Call', RESPONSIBLE_ID: 1, UF_CRM_TASK: [`T${spa.entityTypeId.toString(16)}_${itemId}`] },
    })
    expect(task).toMatchObject({ title: 'Call', responsibleId: '1' })
    taskId = Number(task.id)
    expect(taskId).toBeGreaterThan(0)
  })

  it('tasks.task.get: UF_CRM_TASK only when selected (api-reference/tasks/tasks-task-get.md)', async () => {
    expect((await call(w.b24, 'tasks.task.get', { taskId })).task.ufCrmTask).toBeUndefined()
    const { task } = await call(w.b24, 'tasks.task.get', { taskId, select: ['ID', 'UF_CRM_TASK'] })
    expect(task.ufCrmTask).toEqual([`T${spa.entityTypeId.toString(16)}_${itemId}`])
  })

  it('tasks.task.update: answers { task } (api-reference/tasks/tasks-task-update.md)', async () => {
    const { task } = await call(w.b24, 'tasks.task.update', { taskId, fields: { TITLE: 'Call again' } })
    expect(task.title).toBe('Call again')
  })

  it('tasks.task.list: filter by ID, answers { tasks } (api-reference/tasks/tasks-task-list.md)', async () => {
    const { tasks } = await call(w.b24, 'tasks.task.list', { filter: { ID: taskId }, select: ['ID', 'TITLE'] })
    expect(tasks.map((t: { id: string }) => t.id)).toEqual([String(taskId)])
  })

  it('task.checklistitem.add: answers the item id (api-reference/tasks/checklist-item/task-checklist-item-add.md)', async () => {
    expect(await call(w.b24, 'task.checklistitem.add', { TASKID: taskId, FIELDS: { TITLE: 'Check' } })).toEqual(
      expect.any(Number),
    )
  })

  it('task.checklistitem.getlist: lists the items (api-reference/tasks/checklist-item/task-checklist-item-get-list.md)', async () => {
    const rows = await call(w.b24, 'task.checklistitem.getlist', { TASKID: taskId })
    expect(rows.map((r: { TITLE: string }) => r.TITLE)).toContain('Check')
  })

  it('tasks.task.delete: answers { task: true } (api-reference/tasks/tasks-task-delete.md)', async () => {
    expect((await call(w.b24, 'tasks.task.delete', { taskId })).task).toBe(true)
    expect(await fails(w.b24, 'tasks.task.get', { taskId })).toMatchObject({ status: 400 })
  })

  let activityId = 0
  it('crm.activity.add: answers the new id (api-reference/crm/timeline/activities/activity-base/crm-activity-add.md)', async () => {
    activityId = Number(await call(w.b24, 'crm.activity.add', { fields: EMAIL('Invoice') }))
    expect(activityId).toBeGreaterThan(0)
  })

  it('crm.activity.get: the activity by id (api-reference/crm/timeline/activities/activity-base/crm-activity-get.md)', async () => {
    expect(await call(w.b24, 'crm.activity.get', { id: activityId })).toMatchObject({
      ID: String(activityId),
      SUBJECT: 'Invoice',
    })
  })

  it('crm.activity.list: by owner, COMMUNICATIONS only when selected (api-reference/crm/timeline/activities/activity-base/crm-activity-list.md)', async () => {
    const rows = await call(w.b24, 'crm.activity.list', {
      filter: { OWNER_TYPE_ID: spa.entityTypeId, OWNER_ID: itemId },
      select: ['ID', 'SUBJECT', 'COMMUNICATIONS'],
    })
    expect(rows.map((r: { ID: string }) => r.ID)).toEqual([String(activityId)])
    expect(rows[0].COMMUNICATIONS[0].VALUE).toBe('client@example.com')
  })

  it('crm.activity.binding.add: binds the activity to another item (api-reference/crm/timeline/activities/binding/crm-activity-binding-add.md)', async () => {
    const other = (await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'o' } })).item
    expect(
      await call(w.b24, 'crm.activity.binding.add', {
        activityId,
        entityTypeId: spa.entityTypeId,
        entityId: other.id,
      }),
    ).toBe(true)
  })

  it('crm.activity.binding.list: lists the bindings (api-reference/crm/timeline/activities/binding/crm-activity-binding-list.md)', async () => {
    const rows = await call(w.b24, 'crm.activity.binding.list', { activityId })
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ entityTypeId: spa.entityTypeId })
  })
})
