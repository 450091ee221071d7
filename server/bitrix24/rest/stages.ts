// Pipelines (crm.category.*) and stages (crm.status.* with ENTITY_ID DYNAMIC_<type>_STAGE_<category>).
import type { PortalClient } from '../client/portal-client.ts'

export interface Category {
  id: number
  name: string
  isDefault: 'Y' | 'N'
  sort?: number
}
export interface Stage {
  ID: number
  ENTITY_ID: string
  STATUS_ID: string
  NAME: string
  SORT: number
  COLOR?: string
  SEMANTICS?: string | null
}

export const stageEntityId = (entityTypeId: number, categoryId: number) => `DYNAMIC_${entityTypeId}_STAGE_${categoryId}`

export const stages = {
  categories: async (c: PortalClient, entityTypeId: number): Promise<Category[]> =>
    (await c.call<{ categories: Category[] }>('crm.category.list', { entityTypeId })).categories ?? [],
  list: (c: PortalClient, entityTypeId: number, categoryId: number): Promise<Stage[]> =>
    c.call<Stage[]>('crm.status.list', {
      filter: { ENTITY_ID: stageEntityId(entityTypeId, categoryId) },
      order: { SORT: 'ASC' },
    }),
  add: (c: PortalClient, fields: Omit<Stage, 'ID'>): Promise<number> =>
    c.call<number>('crm.status.add', { fields }, { idempotent: false }),
  update: (c: PortalClient, id: number, fields: Partial<Stage>): Promise<boolean> =>
    c.call<boolean>('crm.status.update', { id, fields }),
}
