// app.info, profile, user.*, department.get, scope (reference 1.1, 12).
import { parseFilter, matches } from '../rest/filter.ts'
import { page, sortRows, startOf } from '../rest/paging.ts'
import { isoAt } from '../util/time.ts'
import { pick, obj } from './common.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { User, Department } from '../state/types.ts'

export function userOut(u: User, zone: string): Record<string, unknown> {
  return {
    ID: String(u.id),
    XML_ID: '',
    ACTIVE: u.active,
    NAME: u.name,
    LAST_NAME: u.lastName,
    SECOND_NAME: u.secondName,
    EMAIL: u.email,
    LAST_LOGIN: isoAt(u.createdAt, zone),
    DATE_REGISTER: isoAt(u.createdAt, zone),
    TIME_ZONE: u.timeZone,
    IS_ONLINE: 'N',
    TIME_ZONE_OFFSET: '0',
    TIMESTAMP_X: [],
    LAST_ACTIVITY_DATE: [],
    PERSONAL_GENDER: '',
    PERSONAL_BIRTHDAY: '',
    WORK_POSITION: u.workPosition,
    UF_DEPARTMENT: [...u.departments],
    USER_TYPE: u.userType,
  }
}

export function deptOut(d: Department): Record<string, unknown> {
  const out: Record<string, unknown> = { ID: String(d.id), NAME: d.name, SORT: d.sort }
  if (d.parent !== null) out.PARENT = String(d.parent)
  if (d.head !== null) out.UF_HEAD = String(d.head)
  return out
}

function appInfo(ctx: Ctx): Record<string, unknown> {
  const p = ctx.ps.portal
  const lic = {
    LICENSE: p.license,
    LICENSE_PREVIOUS: p.license,
    LICENSE_TYPE: p.license.split('_')[1] ?? p.licenseFamily,
    LICENSE_FAMILY: p.licenseFamily,
  }
  if (!ctx.app) return { SCOPE: ctx.scopes ? [...ctx.scopes] : [], ...lic }
  return {
    ID: ctx.app.id,
    CODE: ctx.app.code,
    VERSION: ctx.app.version,
    STATUS: ctx.app.status,
    INSTALLED: Boolean(ctx.install?.finished),
    PAYMENT_EXPIRED: 'N',
    DAYS: null,
    LANGUAGE_ID: p.lang,
    ...lic,
  }
}

const USER_META = new Set(['sort', 'order', 'start', 'ADMIN_MODE', 'FILTER', 'filter', 'select', 'SELECT'])

function userGet(ctx: Ctx, p: Params) {
  const raw = {
    ...Object.fromEntries(Object.entries(p).filter(([k]) => !USER_META.has(k))),
    ...obj(pick(p, 'FILTER', 'filter')),
  }
  const search = raw.NAME_SEARCH ?? raw.FIND
  delete raw.NAME_SEARCH
  delete raw.FIND
  const conds = parseFilter(raw, (f) => f.toUpperCase())
  let rows = ctx.ps.users
    .values()
    .filter((u) => u.userType !== 'extranet' || raw.USER_TYPE === 'extranet')
    .map((u) => userOut(u, ctx.zone))
  if (raw.ACTIVE === undefined) rows = rows.filter((u) => u.ACTIVE !== false || 'ID' in raw)
  rows = rows.filter((u) => matches(conds, (f) => u[f], ctx.zone))
  if (search !== undefined) {
    const s = String(search).toLowerCase()
    rows = rows.filter((u) => [u.NAME, u.LAST_NAME, u.EMAIL].some((x) => String(x).toLowerCase().includes(s)))
  }
  const sortField = typeof p.sort === 'string' ? p.sort.toUpperCase() : 'ID'
  rows = sortRows(rows, { [sortField]: String(p.order ?? 'ASC') }, (r, f) => r[f])
  const pg = page(rows, startOf(p))
  return { result: pg.rows, total: pg.total, next: pg.next }
}

function departmentGet(ctx: Ctx, p: Params) {
  const filter: Record<string, unknown> = {}
  for (const k of ['ID', 'NAME', 'SORT', 'PARENT', 'UF_HEAD']) if (p[k] !== undefined) filter[k] = p[k]
  const conds = parseFilter(filter)
  let rows = ctx.ps.departments
    .values()
    .map(deptOut)
    .filter((d) => matches(conds, (f) => d[f]))
  const sortField = typeof p.sort === 'string' ? p.sort.toUpperCase() : 'SORT'
  rows = sortRows(rows, { [sortField]: String(p.order ?? 'ASC'), ID: 'ASC' }, (r, f) => r[f])
  const pg = page(rows, startOf({ start: p.START ?? p.start }))
  return { result: pg.rows, total: pg.total, next: pg.next }
}

export const userMethods: MethodTable = {
  'app.info': { scope: null, handler: (ctx) => ({ result: appInfo(ctx) }) },
  scope: {
    scope: null,
    handler: (ctx) => ({
      result: ctx.scopes
        ? [...ctx.scopes]
        : ['crm', 'task', 'im', 'user', 'department', 'bizproc', 'placement', 'userfieldconfig'],
    }),
  },
  // api-reference/common/users/profile.md: ID is a string, ADMIN a boolean, TIME_ZONE a string ('' when unset)
  profile: {
    scope: null,
    handler: (ctx) => ({
      result: {
        ID: String(ctx.user.id),
        ADMIN: ctx.user.isAdmin,
        NAME: ctx.user.name,
        LAST_NAME: ctx.user.lastName,
        PERSONAL_GENDER: '',
        TIME_ZONE: ctx.user.timeZone ?? '',
      },
    }),
  },
  'user.current': { scope: 'user', handler: (ctx) => ({ result: userOut(ctx.user, ctx.zone) }) },
  'user.admin': { scope: 'user', handler: (ctx) => ({ result: ctx.user.isAdmin }) },
  'user.get': { scope: 'user', handler: userGet },
  'department.get': {
    scope: 'department',
    handler: departmentGet,
  },
}
