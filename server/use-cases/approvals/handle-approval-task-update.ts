// ONTASKUPDATE of an accounting task: a completed task is recorded; both done and the payment
// order attached to the request -> Paid (through the route engine).
import { progressAccounting } from '../../domain/approvals/index.ts'
import { taskCountsDone } from '../../domain/tasks/task-done.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { approvalsProcessOf, portalClient } from './approval-ports.ts'
import { readApprovalItem } from './approval-item.ts'
import { approvalCalendar } from './approval-settings.ts'
import { commitTransition } from './approval-transition.ts'

export async function handleApprovalTaskUpdate(
  ports: ApprovalPorts,
  memberId: string,
  taskId: number,
): Promise<'ignored' | 'unchanged' | 'progressed' | 'conflict'> {
  const owner = await ports.approvals.taskOwner(memberId, taskId)
  if (!owner) return 'ignored'
  const process = await approvalsProcessOf(ports, memberId)
  if (!process) return 'ignored'
  const client = await portalClient(ports, memberId)
  const task = await client.call<{ task: { status?: string | number } }>('tasks.task.get', {
    taskId,
    select: ['ID', 'STATUS'],
  })
  // with task control a task at 4 awaits its creator: the request is not paid yet (domain/tasks/task-done.ts)
  if (!taskCountsDone('approval', task.task.status)) return 'unchanged'
  for (let attempt = 0; attempt < 3; attempt++) {
    const record = await ports.approvals.get(memberId, owner.approvalId)
    if (!record || record.state.round !== owner.round) return 'ignored'
    const { item } = await client.call<{ item: Record<string, unknown> }>('crm.item.get', {
      entityTypeId: record.entityTypeId,
      id: record.itemId,
    })
    const { calendar } = await approvalCalendar(ports, memberId)
    const t = progressAccounting(
      record.state,
      {
        ...(owner.kind === 'main' ? { mainDone: true } : { subDone: true }),
        paymentOrderAttached: readApprovalItem(process, item).paymentOrderAttached,
      },
      { cal: calendar, now: ports.now().toISOString() },
    )
    if (JSON.stringify(t.state) === JSON.stringify(record.state)) return 'unchanged'
    const next = await commitTransition(
      ports,
      { ...record, previous: record },
      t.state,
      t.events,
      { actor: 'system', source: 'event' },
      t.state.status === 'done' ? 'approval.paid' : 'approval.task-completed',
      { taskId, kind: owner.kind },
    )
    if (next) return 'progressed'
  }
  return 'conflict'
}
