// Accounting step: the chief accountant's task "Make the payment" (payment details, deadline,
// checklist) bound to the request (UF_CRM_TASK T<hex>_<id>), and the junior accountant's subtask
// (PARENT_ID) "Attach the payment order with the bank's stamp". Each write happens once.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { ApprovalState } from '../../domain/approvals/index.ts'
import { effectKeys } from '../effect-keys.ts'
import { tasks } from '../../bitrix24/rest/index.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { approvalMessages, type RequestRef } from './approval-messages.ts'
import { approvalCalendar, type ApprovalRoles } from './approval-settings.ts'
import { provisionalNote } from '../receivables/provisional-deadline.ts'
import { localDateOf } from '../../domain/calendar/index.ts'

export const crmTaskBinding = (entityTypeId: number, itemId: number) => `T${entityTypeId.toString(16)}_${itemId}`

interface Target {
  memberId: string
  approvalId: number
  entityTypeId: number
  itemId: number
  outboxId: number
  eventIndex: number
}

async function once<T>(ports: ApprovalPorts, key: string, memberId: string, write: () => Promise<T>): Promise<T> {
  const c = await ports.effects.claim<T>(key, memberId)
  if (c.state === 'done') return c.result
  const result = await write()
  await ports.effects.complete(key, result)
  return result
}

/**
 * A task added once, with XML_ID = its effect key: when a previous attempt may have reached the portal (claim
 * pending), look it up by a documented filter (title, responsible, binding) and its xmlId before adding it again.
 */
async function onceTask(
  ports: ApprovalPorts,
  client: PortalClient,
  key: string,
  memberId: string,
  fields: Record<string, unknown>,
): Promise<number> {
  const c = await ports.effects.claim<number>(key, memberId)
  if (c.state === 'done') return c.result
  const own = { ...fields, XML_ID: key }
  // a previous attempt may have reached the portal: find that task (documented filter + our xmlId), never a second
  let id =
    c.state === 'pending'
      ? await tasks.findOwn(client, key, {
          TITLE: String(fields.TITLE),
          RESPONSIBLE_ID: Number(fields.RESPONSIBLE_ID),
          UF_CRM_TASK: fields.UF_CRM_TASK as string[],
        })
      : null
  if (id === null)
    id = Number(
      (await client.call<{ task: { id: string | number } }>('tasks.task.add', { fields: own }, { idempotent: false }))
        .task.id,
    )
  await ports.effects.complete(key, id)
  return id
}

export async function createAccountingTasks(
  ports: ApprovalPorts,
  client: PortalClient,
  t: Target,
  state: ApprovalState,
  roles: ApprovalRoles,
  r: RequestRef,
  lang: 'ru' | 'en',
): Promise<{ mainId: number; subId: number }> {
  const deadline = state.accounting.deadline ?? ports.now().toISOString()
  const { calendar } = await approvalCalendar(ports, t.memberId)
  const note = provisionalNote(calendar, localDateOf(calendar.timezone, ports.now().getTime()), deadline, lang)
  const binding = [crmTaskBinding(t.entityTypeId, t.itemId)]
  const key = (what: string) => effectKeys.approvalEffect(t.memberId, t.outboxId, t.eventIndex, what)
  const mainId = await onceTask(ports, client, key('task-main'), t.memberId, {
    TITLE: `${approvalMessages.mainTaskTitle(lang)}: ${r.title}`,
    RESPONSIBLE_ID: roles.chiefAccountant,
    DEADLINE: deadline,
    DESCRIPTION: [approvalMessages.paymentDetails(lang, r, state, deadline), note].filter(Boolean).join('\n\n'),
    UF_CRM_TASK: binding,
  })
  await ports.approvals.addTask(t.memberId, mainId, t.approvalId, state.round, 'main')
  const items = approvalMessages.checklist(lang)
  for (const [i, title] of items.entries()) {
    await once(ports, key(`checklist-${i}`), t.memberId, () =>
      client.call(
        'task.checklistitem.add',
        { TASKID: mainId, FIELDS: { TITLE: title, SORT_INDEX: String((i + 1) * 10) } },
        { idempotent: false },
      ),
    )
  }
  const subId = await onceTask(ports, client, key('task-sub'), t.memberId, {
    TITLE: `${approvalMessages.subTaskTitle(lang)}: ${r.title}`,
    RESPONSIBLE_ID: roles.juniorAccountant ?? roles.chiefAccountant,
    PARENT_ID: mainId,
    DEADLINE: deadline,
    UF_CRM_TASK: binding,
  })
  await ports.approvals.addTask(t.memberId, subId, t.approvalId, state.round, 'sub')
  return { mainId, subId }
}
