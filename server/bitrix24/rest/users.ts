// Users (user.get) and the company structure (department.get: PARENT, UF_HEAD). UPPER_CASE fields.
import type { PortalClient } from '../client/portal-client.ts'

export interface PortalUser {
  ID: string
  NAME?: string
  LAST_NAME?: string
  EMAIL?: string
  ACTIVE?: boolean
  UF_DEPARTMENT?: (string | number)[]
  WORK_POSITION?: string
}
export interface PortalDepartment {
  ID: string | number
  NAME?: string
  PARENT?: string | number | null
  UF_HEAD?: string | number | null
}

export const fullName = (u: PortalUser | undefined) => (u ? [u.NAME, u.LAST_NAME].filter(Boolean).join(' ') : '')

export const users = {
  get: async (c: PortalClient, id: number): Promise<PortalUser | null> =>
    (await c.call<PortalUser[]>('user.get', { ID: id }))?.[0] ?? null,
  many: async (c: PortalClient, ids: number[]): Promise<PortalUser[]> =>
    ids.length ? ((await c.call<PortalUser[]>('user.get', { ID: ids })) ?? []) : [],
  department: async (c: PortalClient, id: number): Promise<PortalDepartment | null> =>
    (await c.call<PortalDepartment[]>('department.get', { ID: id }))?.[0] ?? null,
}
