// Card edits made by people in the portal (do not dun, pause until, promise, risk segment) are read
// in bulk once per scan (listAll: up to 2,500 items per request) and merged into our dunning state.
// A value set in the card wins; clearing happens through the collection plan tab (our API), so a card
// field that was never filled does not undo a pause or promise recorded in the tab.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import type { DunningRow } from '../../storage/repositories/dunning.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { fieldName, parseDayValue, parseMoneyValue } from '../receivables/receivable-item-fields.ts'

const truthy = (v: unknown) => v === true || v === 'Y' || v === '1' || v === 1

export async function pullDunningCardFields(
  ports: DunningPorts,
  client: PortalClient,
  p: InstalledProcess,
  memberId: string,
  rows: DunningRow[],
  today: string,
): Promise<number> {
  const f = {
    doNotDun: fieldName(p, 'doNotDun'),
    pausedUntil: fieldName(p, 'dunningPausedUntil'),
    pauseReason: fieldName(p, 'dunningPauseReason'),
    promisedDate: fieldName(p, 'promisedDate'),
    promisedAmount: fieldName(p, 'promisedAmount'),
    riskSegment: fieldName(p, 'riskSegment'),
  }
  const select = ['id', ...Object.values(f).filter((x): x is string => Boolean(x))]
  if (select.length === 1) return 0
  const items = await client.listAll<Record<string, unknown>>(
    'crm.item.list',
    { entityTypeId: p.entityTypeId, select, filter: {} },
    { itemsKey: 'items', idField: 'id', expectRows: rows.length },
  )
  const byItem = new Map(rows.filter((r) => r.itemId).map((r) => [r.itemId as number, r]))
  const riskByOption = new Map(
    Object.entries(p.fields.riskSegment?.options ?? {}).map(([xml, id]) => [String(id), xml]),
  )
  let changed = 0
  for (const it of items) {
    const row = byItem.get(Number(it.id))
    if (!row) continue
    const patch: Parameters<DunningPorts['repo']['patchState']>[2] = {}
    if (f.doNotDun && truthy(it[f.doNotDun]) && !row.doNotDun) patch.do_not_dun = true
    if (f.pausedUntil) {
      const until = parseDayValue(it[f.pausedUntil])
      if (until && until !== row.pausedUntil) {
        patch.paused_until = until
        patch.pause_reason = f.pauseReason ? String(it[f.pauseReason] ?? '') || null : null
      }
    }
    if (f.promisedDate) {
      const date = parseDayValue(it[f.promisedDate])
      const amount = f.promisedAmount ? (parseMoneyValue(it[f.promisedAmount])?.kopecks ?? null) : null
      if (date && (date !== row.promisedDate || (amount !== null && amount !== row.promisedAmount))) {
        patch.promised_date = date
        patch.promised_amount = amount ?? row.remaining
        patch.promise_recorded_on = today
        patch.remaining_at_promise = row.remaining
      }
    }
    if (f.riskSegment) {
      const raw = it[f.riskSegment]
      const seg = raw === null || raw === undefined || raw === '' ? null : (riskByOption.get(String(raw)) ?? null)
      if ((seg === 'low' || seg === 'normal' || seg === 'high') && seg !== row.riskSegment) patch.risk_segment = seg
    }
    if (Object.keys(patch).length) {
      await ports.repo.patchState(memberId, row.receivableId, patch)
      changed++
    }
  }
  return changed
}
