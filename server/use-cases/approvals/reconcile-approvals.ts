// Periodic re-read of a portal's approvals (events can be lost): the items of our Approvals type
// changed since the stored updatedTime cursor are handled as their event would have been (a person's
// stage move, a saved request, a payment order attached; our own writes are no-ops), and accounting
// tasks completed in the portal without their ONTASKUPDATE reaching us are taken as completed.
// Cost: one list of changed items (pages of 50) and one task list per 50 open accounting tasks,
// plus the handlers' own reads for what actually changed.
import { tasks } from '../../bitrix24/rest/index.ts'
import { taskCountsDone } from '../../domain/tasks/task-done.ts'
import { toPortalDateTime } from '../../domain/calendar/index.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { approvalsProcessOf, portalClient } from './approval-ports.ts'
import { handleApprovalItemEvent } from './handle-approval-item-event.ts'
import { handleApprovalTaskUpdate } from './handle-approval-task-update.ts'

export const APPROVALS_CURSOR_SETTING = 'approvals.reconcile-cursor'
/** With no cursor yet (a new install), items changed in the last day are re-read. */
const FIRST_LOOK_BACK_MS = 86_400_000

export interface ApprovalReconcileStats {
  itemsRead: number
  itemsHealed: number
  tasksChecked: number
  tasksHealed: number
}

export async function reconcileApprovals(ports: ApprovalPorts, memberId: string): Promise<ApprovalReconcileStats> {
  const stats: ApprovalReconcileStats = { itemsRead: 0, itemsHealed: 0, tasksChecked: 0, tasksHealed: 0 }
  const process = await approvalsProcessOf(ports, memberId)
  if (!process) return stats
  const client = await portalClient(ports, memberId)
  const cursor = await ports.settings.get<{ updatedTime: string }>(memberId, APPROVALS_CURSOR_SETTING)
  // the portal's own date-time format and offset (data-types.md), not toISOString()'s milliseconds and Z
  const timezone = (await ports.portalOf(memberId))?.timezone ?? 'Europe/Moscow'
  const since = cursor?.updatedTime ?? toPortalDateTime(timezone, ports.now().getTime() - FIRST_LOOK_BACK_MS)
  const items = await client.listAll<{ id: number | string; updatedTime?: string }>(
    'crm.item.list',
    {
      entityTypeId: process.entityTypeId,
      select: ['id', 'updatedTime'],
      filter: { '>=updatedTime': since },
    },
    { itemsKey: 'items' },
  )
  let newest = cursor?.updatedTime ?? null
  for (const item of items) {
    stats.itemsRead++
    const out = await handleApprovalItemEvent(ports, memberId, process.entityTypeId, Number(item.id))
    if (out.status !== 'ignored' && out.status !== 'unchanged') stats.itemsHealed++
    const t = typeof item.updatedTime === 'string' ? item.updatedTime : null
    if (t && (!newest || Date.parse(t) > Date.parse(newest))) newest = t
  }
  if (newest && newest !== cursor?.updatedTime)
    await ports.settings.set(memberId, APPROVALS_CURSOR_SETTING, { updatedTime: newest }, 'system')

  const open: number[] = []
  for (const r of await ports.approvals.listInProgress(memberId)) {
    const a = r.state.accounting
    for (const t of await ports.approvals.tasksOf(memberId, r.id, r.state.round)) {
      if (!(t.kind === 'main' ? a.mainDone : a.subDone)) open.push(t.taskId)
    }
  }
  for (let i = 0; i < open.length; i += 50) {
    const chunk = open.slice(i, i + 50)
    const found = await tasks.list(client, { ID: chunk }, ['ID', 'STATUS'])
    stats.tasksChecked += chunk.length
    for (const t of found) {
      if (!taskCountsDone('approval', t.status)) continue
      if ((await handleApprovalTaskUpdate(ports, memberId, Number(t.id))) === 'progressed') stats.tasksHealed++
    }
  }
  if (stats.itemsHealed || stats.tasksHealed) ports.log.warn({ memberId, ...stats }, 'approval.reconcile.healed')
  return stats
}
