// crm.item.* (universal CRM methods): camelCase fields; custom fields by their REST names.
import type { PortalClient } from '../client/portal-client.ts'

export type CrmItem = Record<string, unknown> & {
  id: number
  title?: string
  stageId?: string
  categoryId?: number
  assignedById?: number
  xmlId?: string | null
}

export const items = {
  get: async (c: PortalClient, entityTypeId: number, id: number): Promise<CrmItem> =>
    (await c.call<{ item: CrmItem }>('crm.item.get', { entityTypeId, id })).item,
  list: async (
    c: PortalClient,
    entityTypeId: number,
    filter: Record<string, unknown>,
    select: string[] = ['*'],
  ): Promise<CrmItem[]> =>
    (await c.call<{ items: CrmItem[] }>('crm.item.list', { entityTypeId, filter, select }))?.items ?? [],
  /** Not idempotent: callers key it (effects table) and mark it with xmlId to find it again. */
  add: async (c: PortalClient, entityTypeId: number, fields: Record<string, unknown>): Promise<CrmItem> =>
    (await c.call<{ item: CrmItem }>('crm.item.add', { entityTypeId, fields }, { idempotent: false })).item,
  update: async (
    c: PortalClient,
    entityTypeId: number,
    id: number,
    fields: Record<string, unknown>,
  ): Promise<CrmItem> => (await c.call<{ item: CrmItem }>('crm.item.update', { entityTypeId, id, fields })).item,
  /** Every item matching a filter, batched (up to 2,500 per HTTP request). */
  listAll: (
    c: PortalClient,
    entityTypeId: number,
    filter: Record<string, unknown>,
    select: string[],
  ): Promise<CrmItem[]> =>
    c.listAll<CrmItem>('crm.item.list', { entityTypeId, filter, select }, { itemsKey: 'items', idField: 'id' }),
}
