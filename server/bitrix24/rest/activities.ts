// CRM activities (crm.activity.*): owner by OWNER_TYPE_ID (3 contact, 4 company, or the smart
// process's entityTypeId) and OWNER_ID; e-mail activities carry COMMUNICATIONS.
import type { PortalClient } from '../client/portal-client.ts'

export interface Activity {
  ID: string
  SUBJECT?: string
  COMPLETED?: 'Y' | 'N'
  DEADLINE?: string
  RESPONSIBLE_ID?: string
  CREATED?: string
  TYPE_ID?: string
  DIRECTION?: string
}

export const OWNER_TYPE = { contact: 3, company: 4 } as const

export const activities = {
  get: (c: PortalClient, id: number): Promise<Activity> => c.call<Activity>('crm.activity.get', { id }),
  list: (
    c: PortalClient,
    ownerTypeId: number,
    ownerId: number,
    select = ['ID', 'SUBJECT', 'COMPLETED', 'DEADLINE', 'RESPONSIBLE_ID', 'CREATED'],
  ): Promise<Activity[]> =>
    c.call<Activity[]>('crm.activity.list', {
      filter: { OWNER_TYPE_ID: ownerTypeId, OWNER_ID: ownerId },
      select,
      order: { ID: 'DESC' },
    }),
  /** Not idempotent: callers key it (effects table). */
  add: async (c: PortalClient, fields: Record<string, unknown>): Promise<number> =>
    Number(await c.call('crm.activity.add', { fields }, { idempotent: false })),
}
