// A receivable created from the tab gets its portal item once (crm.item.add is not idempotent):
// the add is keyed in the effects table and marked with xmlId, so a lost answer is found again.
import { PermanentJobError } from '../job-queue.ts'
import { effectKeys } from '../effect-keys.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import type { Receivable } from '../../storage/repositories/receivables.ts'
import type { Counterparty } from '../../storage/repositories/counterparties.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { fieldName, moneyValue, stageIdOf } from './receivable-item-fields.ts'
import { receivablesRepository } from '../../storage/repositories/receivables.ts'

export const itemXmlId = (receivableId: number) => `rc-receivable-${receivableId}`

export async function ensurePortalItem(
  ports: ReceivablesPorts,
  client: PortalClient,
  p: InstalledProcess,
  rec: Receivable,
  cp: Counterparty,
): Promise<number> {
  if (rec.itemId) return rec.itemId
  const key = effectKeys.receivableItemAdd(rec.memberId, rec.id)
  const claim = await ports.effects.claim<{ itemId: number }>(key, rec.memberId)
  let itemId: number | null = claim.state === 'done' ? claim.result.itemId : null
  if (claim.state === 'pending') itemId = await findByXmlId(client, p, rec.id)
  if (!itemId) {
    const fields: Record<string, unknown> = {
      title: rec.invoiceNumber,
      xmlId: itemXmlId(rec.id),
      stageId: stageIdOf(p, 'NEW'),
      ...(cp.entityType === 'company' ? { companyId: cp.entityId } : { contactId: cp.entityId }),
      ...(rec.responsibleId ? { assignedById: rec.responsibleId } : {}),
    }
    const set = (k: string, v: unknown) => {
      const n = fieldName(p, k)
      if (n) fields[n] = v
    }
    set('invoiceNumber', rec.invoiceNumber)
    set('invoiceDate', rec.invoiceDate)
    set('dueDate', rec.dueDate)
    set('amount', moneyValue(rec.amount, rec.currency))
    set('currency', rec.currency)
    try {
      const res = await client.call<{ item: { id: number } }>(
        'crm.item.add',
        { entityTypeId: p.entityTypeId, fields },
        { idempotent: false },
      )
      itemId = Number(res.item.id)
    } catch (e) {
      const err = e as { retryable?: boolean; message: string; code?: string }
      if (err.retryable === false) {
        await ports.effects.release(key)
        throw new PermanentJobError(`portal.${err.code ?? 'item-add-failed'}`, err.message)
      }
      throw e
    }
  }
  await ports.effects.complete(key, { itemId })
  await receivablesRepository(ports.db).setItemId(rec.memberId, rec.id, itemId)
  return itemId
}

async function findByXmlId(client: PortalClient, p: InstalledProcess, receivableId: number): Promise<number | null> {
  const res = await client.call<{ items: { id: number }[] }>('crm.item.list', {
    entityTypeId: p.entityTypeId,
    filter: { xmlId: itemXmlId(receivableId) },
    select: ['id'],
  })
  const id = res?.items?.[0]?.id
  return id ? Number(id) : null
}
