// Custom fields of smart processes (userfieldconfig.*, moduleId crm, entityId CRM_<typeId>) and the
// field map of crm.item.fields (REST name -> upperName, type, items).
import type { PortalClient } from '../client/portal-client.ts'

export interface ItemFieldInfo {
  type: string
  title?: string
  upperName: string
  isMultiple?: boolean
  items?: { ID: string; VALUE: string }[]
}
export interface UserFieldConfig {
  id: number
  entityId: string
  fieldName: string
  userTypeId: string
  multiple?: 'Y' | 'N'
  enum?: { id: number; value: string; xmlId?: string }[]
}

export const fields = {
  ofItems: async (c: PortalClient, entityTypeId: number): Promise<Record<string, ItemFieldInfo>> =>
    (await c.call<{ fields: Record<string, ItemFieldInfo> }>('crm.item.fields', { entityTypeId })).fields ?? {},
  list: async (c: PortalClient, entityId: string): Promise<UserFieldConfig[]> =>
    (await c.call<{ fields: UserFieldConfig[] }>('userfieldconfig.list', { moduleId: 'crm', filter: { entityId } }))
      ?.fields ?? [],
  add: async (c: PortalClient, field: Record<string, unknown>): Promise<UserFieldConfig> =>
    (await c.call<{ field: UserFieldConfig }>('userfieldconfig.add', { moduleId: 'crm', field }, { idempotent: false }))
      .field,
}
