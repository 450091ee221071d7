// A portal task created once (tasks.task.add with XML_ID = effect key; after a lost answer it is found again
// by a documented tasks.task.list filter and its xmlId, see tasks.findOwn).
import { tasks } from '../../bitrix24/rest/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { writeOnce } from './dunning-write-once.ts'
import { withProvisionalNote } from '../receivables/provisional-deadline.ts'

export interface DunningTask {
  title: string
  description: string
  responsibleId: number
  deadline: string
  bindings: string[]
}

export async function createDunningTask(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  key: string,
  t: DunningTask,
) {
  return writeOnce<{ taskId: number }>(ports.effects, memberId, key, {
    lookup: async () => {
      const taskId = await tasks.findOwn(client, key, {
        TITLE: t.title,
        RESPONSIBLE_ID: t.responsibleId,
        UF_CRM_TASK: t.bindings,
      })
      return taskId === null ? null : { taskId }
    },
    write: async () => ({
      taskId: await tasks.add(client, {
        TITLE: t.title,
        DESCRIPTION: await withProvisionalNote(ports, memberId, t.deadline, t.description),
        RESPONSIBLE_ID: t.responsibleId,
        DEADLINE: t.deadline,
        UF_CRM_TASK: t.bindings,
        XML_ID: key,
      }),
    }),
  })
}
