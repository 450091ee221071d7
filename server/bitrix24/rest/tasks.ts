// tasks.task.* (UPPER input, camelCase output). UF_CRM_TASK binds a task to CRM: CO_<id>, C_<id>,
// T<hex entityTypeId>_<itemId>. Statuses: 2 pending, 3 in progress, 4 awaiting control, 5 done, 6 deferred.
import type { PortalClient } from '../client/portal-client.ts'

export interface TaskFields { TITLE: string; DESCRIPTION?: string; RESPONSIBLE_ID: number; CREATED_BY?: number; DEADLINE?: string; UF_CRM_TASK?: string[]; XML_ID?: string; PARENT_ID?: number }
export interface Task { id: string; title?: string; status?: string; responsibleId?: string; deadline?: string | null; xmlId?: string | null; ufCrmTask?: string[] }

export const TASK_DONE = 5

export const tasks = {
  /** Not idempotent: callers key it and set XML_ID to find it again after a lost answer. */
  add: async (c: PortalClient, fields: TaskFields): Promise<number> =>
    Number((await c.call<{ task: Task }>('tasks.task.add', { fields }, { idempotent: false })).task.id),
  get: async (c: PortalClient, taskId: number, select: string[] = ['ID', 'TITLE', 'STATUS', 'RESPONSIBLE_ID', 'DEADLINE', 'UF_CRM_TASK']): Promise<Task> =>
    (await c.call<{ task: Task }>('tasks.task.get', { taskId, select })).task,
  list: async (c: PortalClient, filter: Record<string, unknown>, select: string[]): Promise<Task[]> =>
    (await c.call<{ tasks: Task[] }>('tasks.task.list', { filter, select }))?.tasks ?? [],
  byXmlId: async (c: PortalClient, xmlId: string): Promise<number | null> => {
    const found = (await c.call<{ tasks: Task[] }>('tasks.task.list', { filter: { XML_ID: xmlId }, select: ['ID'] }))?.tasks ?? []
    return found.length ? Number(found[0].id) : null
  },
}
