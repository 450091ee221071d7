// Seeding straight into state (no REST, no events): portals, users, departments, webhooks,
// companies/contacts with requisites, bulk smart-process items.
import { randomHex } from '../util/ids.ts'
import { indexSchema, itemSchema } from '../methods/item-schema.ts'
import { applyItemFields } from '../methods/item-write.ts'
import { companyRecord, contactRecord, requisiteRecord } from '../methods/crm-party-records.ts'
import type { Runtime } from '../runtime.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { CrmReadLevel, Department, LicenseFamily, User } from '../state/types.ts'
import type { Ctx } from '../rest/context.ts'

export type PortalInput = {
  title?: string
  licenseFamily?: LicenseFamily
  license?: string
  timezone?: string
  lang?: string
  memberId?: string
  port?: number
  admin?: Partial<UserInput>
}
export type UserInput = {
  name: string
  lastName?: string
  secondName?: string
  email?: string
  isAdmin?: boolean
  departments?: number[]
  workPosition?: string
  active?: boolean
  userType?: 'employee' | 'extranet'
  crmRead?: CrmReadLevel
}
export type DepartmentInput = { name: string; parent?: number | null; head?: number | null; sort?: number }

export function createPortalState(rt: Runtime, input: PortalInput): PortalState {
  const family = input.licenseFamily ?? 'pro'
  const lang = input.lang ?? 'ru'
  const ps = rt.world.addPortal({
    memberId: input.memberId ?? randomHex(16),
    title: input.title ?? 'Sandbox portal',
    domain: '',
    port: input.port ?? 0,
    licenseFamily: family,
    license: input.license ?? `${lang}_${family === 'ent' ? 'ent250' : family === 'pro' ? 'pro100' : family}`,
    timezone: input.timezone ?? 'Europe/Moscow',
    lang,
    createdAt: rt.world.clock.now(),
  })
  const root = addDepartment(ps, { name: input.title ?? 'Company', parent: null, head: null, sort: 500 })
  const admin = addUser(rt, ps, {
    name: 'Admin',
    lastName: 'Portal',
    email: 'admin@example.com',
    isAdmin: true,
    departments: [root.id],
    workPosition: 'Administrator',
    ...input.admin,
  })
  ps.departments.save({ ...root, head: admin.id })
  return ps
}

export function addUser(rt: Runtime, ps: PortalState, u: UserInput): User {
  const root = ps.departments.values().find((d) => d.parent === null)
  return ps.users.insert({
    active: u.active ?? true,
    name: u.name,
    lastName: u.lastName ?? '',
    secondName: u.secondName ?? '',
    email: u.email ?? '',
    isAdmin: u.isAdmin ?? false,
    departments: u.departments ?? (root ? [root.id] : []),
    workPosition: u.workPosition ?? '',
    userType: u.userType ?? 'employee',
    timeZone: '',
    createdAt: rt.world.clock.now(),
    ...(u.crmRead ? { crmRead: u.crmRead } : {}),
  })
}

export function addDepartment(ps: PortalState, d: DepartmentInput): Department {
  const root = ps.departments.values().find((x) => x.parent === null)
  return ps.departments.insert({
    name: d.name,
    sort: d.sort ?? 500,
    parent: d.parent === undefined ? (root?.id ?? null) : d.parent,
    head: d.head ?? null,
  })
}

/** A context for writing as a user without going through HTTP (no events, no automation). */
export function quietCtx(rt: Runtime, ps: PortalState, userId = 1): Ctx {
  const user = ps.users.get(userId) ?? ps.users.values()[0]
  const noop = () => undefined
  return {
    world: rt.world,
    ps,
    user,
    app: null,
    install: null,
    webhook: null,
    scopes: null,
    now: rt.world.clock.now(),
    zone: ps.portal.timezone,
    method: 'seed',
    inBatch: false,
    hooks: {
      emit: noop,
      itemStageEntered: noop,
      bizprocEventSent: () => false,
      call: () => Promise.reject(new Error('no calls while seeding')),
    },
  }
}

export function seedItems(
  rt: Runtime,
  ps: PortalState,
  entityTypeId: number,
  rows: Record<string, unknown>[],
): number[] {
  const type = ps.typeByEntityTypeId(entityTypeId)
  if (!type) throw new Error(`no smart process ${entityTypeId}`)
  const idx = indexSchema(itemSchema(ps, type))
  const ctx = quietCtx(rt, ps)
  const table = ps.items(entityTypeId)
  const ids: number[] = []
  for (const fields of rows) {
    const id = table.nextId()
    const item = applyItemFields(ctx, type, idx, { id }, fields, true)
    if (!item.title) item.title = `${String(type.title)} #${id}`
    table.insert(item)
    ids.push(id)
  }
  return ids
}

export function seedCompany(
  rt: Runtime,
  ps: PortalState,
  fields: Record<string, unknown>,
  requisites: Record<string, unknown>[] = [],
): number {
  const ctx = quietCtx(rt, ps)
  const c = ps.companies.insert(companyRecord(ctx, fields, null))
  for (const r of requisites) ps.requisites.insert(requisiteRecord(ctx, { ENTITY_TYPE_ID: 4, ENTITY_ID: c.id, ...r }))
  return c.id
}

export function seedContact(
  rt: Runtime,
  ps: PortalState,
  fields: Record<string, unknown>,
  requisites: Record<string, unknown>[] = [],
): number {
  const ctx = quietCtx(rt, ps)
  const c = ps.contacts.insert(contactRecord(ctx, fields, null))
  for (const r of requisites) ps.requisites.insert(requisiteRecord(ctx, { ENTITY_TYPE_ID: 3, ENTITY_ID: c.id, ...r }))
  return c.id
}
