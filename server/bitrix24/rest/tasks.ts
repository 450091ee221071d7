// tasks.task.* (UPPER input, camelCase output). UF_CRM_TASK binds a task to CRM: CO_<id>, C_<id>,
// T<hex entityTypeId>_<itemId>. Statuses: 2 pending, 3 in progress, 4 awaiting control, 5 done, 6 deferred.
import type { PortalClient } from '../client/portal-client.ts'

export interface TaskFields {
  TITLE: string
  DESCRIPTION?: string
  RESPONSIBLE_ID: number
  CREATED_BY?: number
  DEADLINE?: string
  UF_CRM_TASK?: string[]
  XML_ID?: string
  PARENT_ID?: number
}
export interface Task {
  id: string
  title?: string
  status?: string
  responsibleId?: string
  deadline?: string | null
  xmlId?: string | null
  ufCrmTask?: string[]
}

export const TASK_DONE = 5

export const tasks = {
  /** Not idempotent: callers key it and set XML_ID to find it again after a lost answer (findOwn). */
  add: async (c: PortalClient, fields: TaskFields): Promise<number> =>
    Number((await c.call<{ task: Task }>('tasks.task.add', { fields }, { idempotent: false })).task.id),
  get: async (
    c: PortalClient,
    taskId: number,
    select: string[] = ['ID', 'TITLE', 'STATUS', 'RESPONSIBLE_ID', 'DEADLINE', 'UF_CRM_TASK'],
  ): Promise<Task> => (await c.call<{ task: Task }>('tasks.task.get', { taskId, select })).task,
  list: async (c: PortalClient, filter: Record<string, unknown>, select: string[]): Promise<Task[]> =>
    (await c.call<{ tasks: Task[] }>('tasks.task.list', { filter, select }))?.tasks ?? [],
  complete: async (c: PortalClient, taskId: number): Promise<void> => {
    await c.call('tasks.task.complete', { taskId })
  },
  defer: async (c: PortalClient, taskId: number): Promise<void> => {
    await c.call('tasks.task.defer', { taskId })
  },
  /** task.commentitem.add { TASKID, FIELDS: { POST_MESSAGE } }; not idempotent: callers key it. */
  comment: async (c: PortalClient, taskId: number, text: string): Promise<number> =>
    Number(
      await c.call<number>(
        'task.commentitem.add',
        { TASKID: taskId, FIELDS: { POST_MESSAGE: text } },
        { idempotent: false },
      ),
    ),
  /**
   * Our task again after a lost tasks.task.add answer. tasks.task.list applies only its documented filter
   * fields (api-reference/tasks/tasks-task-list.md: XML_ID is not one of them, a real portal ignores it and
   * returns every task), so the lookup filters by documented fields (TITLE, RESPONSIBLE_ID, the CRM binding)
   * and keeps only the row whose xmlId is our key.
   */
  findOwn: async (
    c: PortalClient,
    key: string,
    f: { TITLE: string; RESPONSIBLE_ID: number; UF_CRM_TASK?: string[] },
  ): Promise<number | null> => {
    const filter: Record<string, unknown> = { TITLE: f.TITLE, RESPONSIBLE_ID: f.RESPONSIBLE_ID }
    if (f.UF_CRM_TASK?.length) filter.UF_CRM_TASK = f.UF_CRM_TASK[0]
    const found =
      (await c.call<{ tasks: Task[] }>('tasks.task.list', { filter, select: ['ID', 'XML_ID'], order: { ID: 'DESC' } }))
        ?.tasks ?? []
    const mine = found.find((t) => t.xmlId === key)
    return mine ? Number(mine.id) : null
  },
}
