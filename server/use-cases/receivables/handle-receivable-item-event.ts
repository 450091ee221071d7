// ONCRMDYNAMICITEMADD / ONCRMDYNAMICITEMUPDATE on our Receivables type: one read batch (the item
// with its company and contact), then the ledger upsert; a move to Sent to client delivers the invoice.
import type { ReceivablesPorts } from './receivables-ports.ts'
import { receivablesProcessOf } from './receivables-ports.ts'
import { syncReceivableFromItem, type SyncResult } from './sync-receivable.ts'
import { deliverInvoice } from './deliver-invoice.ts'
import { portalDay } from './receivable-calendar.ts'
import { readPortalItem } from './receivable-item-fields.ts'

type Party = { TITLE?: string; NAME?: string; LAST_NAME?: string; EMAIL?: { VALUE?: string }[] }

export async function handleReceivableItemEvent(
  ports: ReceivablesPorts,
  memberId: string,
  entityTypeId: number,
  itemId: number,
): Promise<SyncResult> {
  const process = await receivablesProcessOf(ports, memberId)
  if (!process || process.entityTypeId !== entityTypeId)
    return { status: 'ignored', reason: 'not our receivables type' }
  if (!ports.clients) throw new Error('portal clients are not wired')
  const client = await ports.clients.forPortal(memberId)
  const res = await client.batch<unknown>(
    {
      item: { method: 'crm.item.get', params: { entityTypeId, id: itemId } },
      company: { method: 'crm.company.get', params: { id: '$result[item][item][companyId]' } },
      contact: { method: 'crm.contact.get', params: { id: '$result[item][item][contactId]' } },
    },
    { halt: false },
  )
  const item = (res.results.item as { item?: Record<string, unknown> } | undefined)?.item
  if (!item) {
    const e = res.errors.item
    if (e && e.error === 'NOT_FOUND') return { status: 'ignored', reason: 'the item is gone' }
    throw new Error(`crm.item.get failed: ${e?.error ?? 'empty answer'}`)
  }
  const party = (res.results.company ?? res.results.contact ?? null) as Party | null
  const snap = {
    item,
    party: party
      ? {
          name: party.TITLE ?? [party.NAME, party.LAST_NAME].filter(Boolean).join(' '),
          email: party.EMAIL?.[0]?.VALUE ?? null,
        }
      : null,
  }
  const out = await syncReceivableFromItem(ports, memberId, process, snap, 'event')
  if (out.status !== 'ignored' && out.enteredStage === 'SENT') {
    const { lang } = await portalDay(ports, memberId)
    await deliverInvoice(ports, client, process, out.receivable, readPortalItem(process, item).invoiceFileUrl, lang)
  }
  return out
}
