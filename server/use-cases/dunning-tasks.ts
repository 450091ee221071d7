// A portal task created once (tasks.task.add with XML_ID = effect key, found again on a retry).
import { tasks } from '../bitrix24/rest/index.ts'
import type { PortalClient } from '../bitrix24/client/portal-client.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { writeOnce } from './dunning-write-once.ts'

export interface DunningTask { title: string; description: string; responsibleId: number; deadline: string; bindings: string[] }

export async function createDunningTask(ports: DunningPorts, client: PortalClient, memberId: string, key: string, t: DunningTask) {
  return writeOnce<{ taskId: number }>(ports.effects, memberId, key, {
    lookup: async () => {
      const taskId = await tasks.byXmlId(client, key)
      return taskId === null ? null : { taskId }
    },
    write: async () => ({ taskId: await tasks.add(client, { TITLE: t.title, DESCRIPTION: t.description, RESPONSIBLE_ID: t.responsibleId, DEADLINE: t.deadline, UF_CRM_TASK: t.bindings, XML_ID: key }) }),
  })
}
