// Periodic reconcile of one portal: re-read the items changed since the stored updatedTime
// cursor (lost events healed, drift re-mirrored), and move receivables whose due date has passed.
import type { ReceivablesPorts } from './receivables-ports.ts'
import { receivablesProcessOf } from './receivables-ports.ts'
import { syncReceivableFromItem } from './sync-receivable.ts'
import { deliverInvoice } from './deliver-invoice.ts'
import { portalDay } from './receivable-calendar.ts'
import { readPortalItem } from './receivable-item-fields.ts'
import { enqueueMirror } from './enqueue-mirror.ts'
import { ledgerRepos } from './ledger-tx.ts'
import { refreshDaysOverdue } from './refresh-days-overdue.ts'
import { refreshContractStatuses } from './refresh-contract-statuses.ts'

export const RECONCILE_CURSOR_SETTING = 'receivables.reconcile-cursor'

export interface ReconcileStats {
  read: number
  created: number
  updated: number
  drift: number
  overdue: number
  daysOverdueRefreshed: number
  contractStatusChanges: number
  companyCardWrites: number
}

export async function reconcileReceivables(ports: ReceivablesPorts, memberId: string): Promise<ReconcileStats> {
  const stats: ReconcileStats = {
    read: 0,
    created: 0,
    updated: 0,
    drift: 0,
    overdue: 0,
    daysOverdueRefreshed: 0,
    contractStatusChanges: 0,
    companyCardWrites: 0,
  }
  const process = await receivablesProcessOf(ports, memberId)
  if (!process || !ports.clients) return stats
  const client = await ports.clients.forPortal(memberId)
  const { today, lang } = await portalDay(ports, memberId)
  const cursor = await ports.settings.get<{ updatedTime: string }>(memberId, RECONCILE_CURSOR_SETTING)
  const select = [
    'id',
    'xmlId',
    'stageId',
    'companyId',
    'contactId',
    'assignedById',
    'movedBy',
    'updatedTime',
    'createdTime',
    ...Object.values(process.fields).map((f) => f.restName),
  ]
  const items = await client.listAll<Record<string, unknown>>(
    'crm.item.list',
    {
      entityTypeId: process.entityTypeId,
      select,
      ...(cursor ? { filter: { '>=updatedTime': cursor.updatedTime } } : {}),
    },
    { itemsKey: 'items' },
  )
  let newest = cursor?.updatedTime ?? null
  for (const item of items) {
    stats.read++
    const out = await syncReceivableFromItem(ports, memberId, process, { item }, 'reconcile')
    if (out.status === 'created') stats.created++
    if (out.status === 'updated') stats.updated++
    if (out.status !== 'ignored' && out.drift) stats.drift++
    if (out.status !== 'ignored' && out.enteredStage === 'SENT')
      await deliverInvoice(ports, client, process, out.receivable, readPortalItem(process, item).invoiceFileUrl, lang)
    const t = typeof item.updatedTime === 'string' ? item.updatedTime : null
    if (t && (!newest || Date.parse(t) > Date.parse(newest))) newest = t
  }
  if (newest && newest !== cursor?.updatedTime)
    await ports.settings.set(memberId, RECONCILE_CURSOR_SETTING, { updatedTime: newest }, 'system')
  for (const rec of await ledgerRepos(ports.db).receivables.listNewlyOverdue(memberId, today)) {
    stats.overdue++
    await enqueueMirror(ports, { memberId, receivableId: rec.id, trigger: 'due-passed' }, rec.version, today)
  }
  stats.daysOverdueRefreshed = await refreshDaysOverdue(ports, client, process, memberId, today)
  const contracts = await refreshContractStatuses(ports, memberId, today, { client })
  stats.contractStatusChanges = contracts.changed
  stats.companyCardWrites = contracts.cardWrites
  return stats
}
