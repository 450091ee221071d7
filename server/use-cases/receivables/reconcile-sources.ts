// The event path and the 15-minute reconcile of deals / smart invoices as the source of receivables. Both end in
// `processSourceItem`: bad input is told (log + the deal's timeline) and changes nothing; the reconcile re-reads
// the sources changed since its cursor, so a lost event is healed.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { markAmountReported, receivableFromItem, type SourceOutcome } from './receivable-from-source.ts'
import { getSourceItem, readSourceItem, SOURCE_SELECT, type SourceItem } from './source-item.ts'
import { SourceError } from './source-messages.ts'
import { readSourceSettings, sourceEntityType } from './source-settings.ts'
import { tellSourceProblem } from './tell-source-problem.ts'

export const SOURCE_CURSOR_SETTING = 'receivables.source-cursor'

export type ProcessedSource = SourceOutcome | { status: 'refused'; code: string }

export async function processSourceItem(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  item: SourceItem,
): Promise<ProcessedSource> {
  let out: SourceOutcome
  try {
    out = await receivableFromItem(ports, client, memberId, item)
  } catch (e) {
    if (!(e instanceof SourceError)) throw e
    await tellSourceProblem(ports, client, memberId, item, e.problem)
    return { status: 'refused', code: e.problem.code }
  }
  if (out.status === 'amount-frozen' && out.reported) {
    await tellSourceProblem(ports, client, memberId, item, {
      code: 'source.amount-after-sent',
      title: item.title,
      invoiceNumber: out.receivable.invoiceNumber,
      amount: item.amount ?? 0,
      currency: item.currency,
    })
    await markAmountReported(ports, memberId, item)
  }
  return out
}

/** An event of a deal (ONCRMDEALADD/UPDATE) or smart invoice (ONCRMDYNAMICITEM* with ENTITY_TYPE_ID 31). */
export async function handleSourceEvent(
  ports: ReceivablesPorts,
  memberId: string,
  entityTypeId: number,
  id: number,
): Promise<ProcessedSource> {
  const settings = await readSourceSettings(ports.settings, memberId)
  if (sourceEntityType(settings.source) !== entityTypeId || !ports.clients) return { status: 'ignored' }
  const client = await ports.clients.forPortal(memberId)
  const item = await getSourceItem(client, entityTypeId, id)
  return item ? processSourceItem(ports, client, memberId, item) : { status: 'ignored' }
}

export interface SourceReconcileStats {
  read: number
  created: number
  amountUpdated: number
  refused: number
}

/** Every source changed since the cursor (first run: those standing at a chosen stage). */
export async function reconcileSources(ports: ReceivablesPorts, memberId: string): Promise<SourceReconcileStats> {
  const stats: SourceReconcileStats = { read: 0, created: 0, amountUpdated: 0, refused: 0 }
  const settings = await readSourceSettings(ports.settings, memberId)
  const entityTypeId = sourceEntityType(settings.source)
  if (entityTypeId === null || !ports.clients) return stats
  const client = await ports.clients.forPortal(memberId)
  const cursor = await ports.settings.get<{ entityTypeId: number; updatedTime: string }>(
    memberId,
    SOURCE_CURSOR_SETTING,
  )
  const since = cursor?.entityTypeId === entityTypeId ? cursor.updatedTime : null
  const filter = since ? { '>=updatedTime': since } : { '@stageId': Object.values(settings.stages) }
  const items = await client.listAll<Record<string, unknown>>(
    'crm.item.list',
    { entityTypeId, select: SOURCE_SELECT, filter },
    { itemsKey: 'items' },
  )
  let newest = since
  for (const raw of items) {
    stats.read++
    const out = await processSourceItem(ports, client, memberId, readSourceItem(entityTypeId, raw))
    if (out.status === 'created') stats.created++
    if (out.status === 'amount-updated') stats.amountUpdated++
    if (out.status === 'refused') stats.refused++
    const t = typeof raw.updatedTime === 'string' ? raw.updatedTime : null
    if (t && (!newest || Date.parse(t) > Date.parse(newest))) newest = t
  }
  if (newest && newest !== since)
    await ports.settings.set(memberId, SOURCE_CURSOR_SETTING, { entityTypeId, updatedTime: newest }, 'system')
  return stats
}
