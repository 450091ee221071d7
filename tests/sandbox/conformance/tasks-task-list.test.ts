// Conformance: tasks.task.list / task control, driven through the official SDK (B24OAuth) only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, callFull, fails, setup, type World } from '../harness.ts'

let w: World
let ids: number[]
let performer: number

beforeAll(async () => {
  w = await setup()
  performer = w.sb.admin.addUser(w.portalId, { name: 'Anna', lastName: 'Petrova' }).id
  ids = []
  for (const [i, title] of ['Call the client', 'Send the act', 'Call the bank'].entries()) {
    const r = await call(w.b24, 'tasks.task.add', {
      fields: { TITLE: title, RESPONSIBLE_ID: i === 1 ? performer : 1, XML_ID: `key-${i}`, UF_CRM_TASK: ['CO_1'] },
    })
    ids.push(Number(r.task.id))
  }
})
afterAll(async () => w.close())

const listIds = async (params: Record<string, unknown>) =>
  ((await callFull(w.b24, 'tasks.task.list', { select: ['ID'], ...params })).result.tasks as { id: string }[]).map(
    (t) => Number(t.id),
  )

describe('api-reference/tasks/tasks-task-list.md', () => {
  it('api-reference/tasks/tasks-task-list.md: default order is ID descending', async () => {
    expect(await listIds({})).toEqual([...ids].reverse())
  })

  it('api-reference/tasks/tasks-task-list.md: a filter field the page does not list (XML_ID) is ignored, not applied', async () => {
    expect(await listIds({ filter: { XML_ID: 'key-1' } })).toEqual([...ids].reverse())
    expect(await listIds({ filter: { '%XML_ID': 'key' } })).toEqual([...ids].reverse())
  })

  it('api-reference/tasks/tasks-task-list.md: documented fields filter (RESPONSIBLE_ID, TITLE pattern, UF_CRM_TASK, ID list, prefixes)', async () => {
    expect(await listIds({ filter: { RESPONSIBLE_ID: performer } })).toEqual([ids[1]])
    expect(await listIds({ filter: { TITLE: 'Call%' }, order: { ID: 'ASC' } })).toEqual([ids[0], ids[2]])
    expect(await listIds({ filter: { TITLE: 'Call the client' } })).toEqual([ids[0]])
    expect(await listIds({ filter: { UF_CRM_TASK: 'CO_1', '!ID': ids[0] } })).toEqual([ids[2], ids[1]])
    expect(await listIds({ filter: { ID: [ids[0], ids[2]] }, order: { ID: 'asc' } })).toEqual([ids[0], ids[2]])
    expect(await listIds({ filter: { '>=ID': ids[1] }, order: { ID: 'asc' } })).toEqual([ids[1], ids[2]])
  })

  it('api-reference/tasks/tasks-task-list.md: an order field the page does not list does not sort (default applies)', async () => {
    expect(await listIds({ order: { XML_ID: 'ASC' } })).toEqual([...ids].reverse())
    expect(await listIds({ order: { TITLE: 'ASC' } })).toEqual([ids[2], ids[0], ids[1]])
  })
})

describe('api-reference/tasks/fields.md (taskControl), tasks-task-approve.md, tasks-task-disapprove.md', () => {
  it('api-reference/tasks/tasks-task-approve.md: with task control a task completed by its performer awaits control (4) until the creator approves', async () => {
    const r = await call(w.b24, 'tasks.task.add', {
      fields: { TITLE: 'Pay the tranche', RESPONSIBLE_ID: performer, TASK_CONTROL: 'Y' },
    })
    const taskId = Number(r.task.id)
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId }, { userId: performer })
    const status = async () =>
      (await call(w.b24, 'tasks.task.get', { taskId, select: ['ID', 'STATUS'] })).task.status as string
    expect(await status()).toBe('4')
    expect(await listIds({ filter: { REAL_STATUS: 4 } })).toEqual([taskId])
    await call(w.b24, 'tasks.task.disapprove', { taskId })
    expect(await status()).toBe('2')
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId }, { userId: performer })
    expect(await status()).toBe('4')
    await call(w.b24, 'tasks.task.approve', { taskId })
    expect(await status()).toBe('5')
    // approve applies only to a task awaiting control
    expect((await fails(w.b24, 'tasks.task.approve', { taskId })).status).toBe(400)
  })

  it('api-reference/tasks/fields.md: without task control, or completed by the creator, the task is completed (5) at once', async () => {
    const a = Number(
      (await call(w.b24, 'tasks.task.add', { fields: { TITLE: 'A', RESPONSIBLE_ID: performer } })).task.id,
    )
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: a }, { userId: performer })
    const b = Number(
      (await call(w.b24, 'tasks.task.add', { fields: { TITLE: 'B', RESPONSIBLE_ID: performer, TASK_CONTROL: 'Y' } }))
        .task.id,
    )
    await call(w.b24, 'tasks.task.complete', { taskId: b })
    const st = await listIds({ filter: { REAL_STATUS: 5, ID: [a, b] }, order: { ID: 'ASC' } })
    expect(st).toEqual([a, b])
  })
})
