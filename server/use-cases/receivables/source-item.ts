// A deal or smart invoice as crm.item.get / crm.item.list give it (api-reference/crm/universal/crm-item-get.md):
// the fields a receivable is made from.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { parseMoneyValue } from './receivable-item-fields.ts'
import { DEAL_TYPE } from './source-settings.ts'

export const SOURCE_SELECT = [
  'id',
  'title',
  'categoryId',
  'stageId',
  'companyId',
  'contactId',
  'opportunity',
  'currencyId',
  'assignedById',
  'updatedTime',
]

export interface SourceItem {
  entityTypeId: number
  id: number
  title: string
  categoryId: number
  stageId: string
  party: { type: 'company' | 'contact'; id: number } | null
  /** kopecks; null when missing or malformed */
  amount: number | null
  currency: string
  assignedById: number | null
}

const num = (v: unknown) => {
  const n = Number(v)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

export function readSourceItem(entityTypeId: number, item: Record<string, unknown>): SourceItem {
  const id = num(item.id)
  const companyId = num(item.companyId)
  const contactId = num(item.contactId)
  const title = typeof item.title === 'string' && item.title.trim() ? item.title.trim() : `#${id}`
  return {
    entityTypeId,
    id,
    title,
    categoryId: Number(item.categoryId ?? 0) || 0,
    stageId: typeof item.stageId === 'string' ? item.stageId : '',
    party: companyId ? { type: 'company', id: companyId } : contactId ? { type: 'contact', id: contactId } : null,
    amount: parseMoneyValue(item.opportunity)?.kopecks ?? null,
    currency: typeof item.currencyId === 'string' && /^[A-Z]{3}$/.test(item.currencyId) ? item.currencyId : 'RUB',
    assignedById: num(item.assignedById) || null,
  }
}

/** The item, or null when it is gone (crm.item.get answers NOT_FOUND). */
export async function getSourceItem(
  client: PortalClient,
  entityTypeId: number,
  id: number,
): Promise<SourceItem | null> {
  try {
    const res = await client.call<{ item: Record<string, unknown> }>('crm.item.get', { entityTypeId, id })
    return res?.item ? readSourceItem(entityTypeId, res.item) : null
  } catch (e) {
    if ((e as { code?: string }).code === 'NOT_FOUND') return null
    throw e
  }
}

/** The invoice number a source gives its receivable: the deal's or smart invoice's id, marked by its kind. */
export const sourceInvoiceNumber = (s: Pick<SourceItem, 'entityTypeId' | 'id'>) =>
  s.entityTypeId === DEAL_TYPE ? `D-${s.id}` : `SI-${s.id}`
