// userfieldconfig.* (reference 5.5): custom fields of smart processes (entityId CRM_<spa id>).
import { RestError } from '../rest/errors.ts'
import { parseFilter, matches } from '../rest/filter.ts'
import { page, sortRows, startOf } from '../rest/paging.ts'
import { obj, list, reqInt, yn } from './common.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

export const UF_TYPES = [
  'string',
  'integer',
  'double',
  'boolean',
  'date',
  'datetime',
  'enumeration',
  'employee',
  'crm',
  'crm_status',
  'file',
  'money',
  'url',
  'address',
  'iblock_element',
  'iblock_section',
]
const LEGACY_ENTITIES = ['CRM_COMPANY', 'CRM_CONTACT', 'CRM_DEAL', 'CRM_LEAD', 'CRM_QUOTE', 'CRM_SMART_INVOICE']

const ufErr = (msg: string) => new RestError('', msg, 400)

function labels(ctx: Ctx, v: unknown, prev: unknown): Record<string, string> {
  if (v === undefined) return (prev as Record<string, string>) ?? {}
  if (typeof v === 'string') return { [ctx.ps.portal.lang]: v, en: v }
  return Object.fromEntries(Object.entries(obj(v)).map(([k, x]) => [k, String(x)]))
}

function nextEnumId(ctx: Ctx): number {
  let max = 0
  for (const u of ctx.ps.userfields.values()) for (const e of list(u.enum)) max = Math.max(max, Number(obj(e).id))
  return max + 1
}

function enumItems(ctx: Ctx, given: unknown, prev: unknown[], fieldId: number): Record<string, unknown>[] {
  if (given === undefined) return prev as Record<string, unknown>[]
  const out = (prev as Record<string, unknown>[]).map((e) => ({ ...e }))
  let id = nextEnumId(ctx)
  for (const raw of list(given)) {
    const e = obj(raw)
    const existing = e.id !== undefined ? out.find((x) => String(x.id) === String(e.id)) : undefined
    if (existing) {
      if (e.del === 'Y') {
        out.splice(out.indexOf(existing), 1)
        continue
      }
      Object.assign(existing, pickEnum(e, existing))
      continue
    }
    out.push({ id: id++, userFieldId: fieldId, ...pickEnum(e, { value: '', def: 'N', sort: 500, xmlId: '' }) })
  }
  return out
}

function pickEnum(e: Record<string, unknown>, d: Record<string, unknown>) {
  return {
    value: e.value !== undefined ? String(e.value) : d.value,
    def: e.def !== undefined ? yn(e.def) : d.def,
    sort: e.sort !== undefined ? Number(e.sort) : d.sort,
    xmlId: e.xmlId !== undefined ? String(e.xmlId) : d.xmlId || `X${Math.random().toString(36).slice(2, 10)}`,
  }
}

export function fieldOut(u: Rec): Record<string, unknown> {
  const s = (v: unknown) => (v === null || v === undefined ? v : String(v))
  return {
    id: s(u.id),
    entityId: u.entityId,
    fieldName: u.fieldName,
    userTypeId: u.userTypeId,
    xmlId: u.xmlId ?? '',
    sort: s(u.sort),
    multiple: u.multiple,
    mandatory: u.mandatory,
    showFilter: u.showFilter,
    showInList: u.showInList,
    editInList: u.editInList,
    isSearchable: u.isSearchable,
    settings: u.settings ?? {},
    languageId: u.editFormLabel,
    editFormLabel: u.editFormLabel,
    listColumnLabel: u.listColumnLabel,
    listFilterLabel: u.listFilterLabel,
    errorMessage: u.errorMessage,
    helpMessage: u.helpMessage,
    ...(u.userTypeId === 'enumeration'
      ? {
          enum: list(u.enum).map((e) => ({
            ...obj(e),
            id: s(obj(e).id),
            userFieldId: s(obj(e).userFieldId),
            sort: s(obj(e).sort),
          })),
        }
      : {}),
  }
}

function checkModule(p: Params): void {
  if (String(p.moduleId ?? '') !== 'crm') throw ufErr('Module not found or not supported')
}

function ufAdd(ctx: Ctx, p: Params) {
  checkModule(p)
  const f = obj(p.field)
  const entityId = String(f.entityId ?? '')
  const fieldName = String(f.fieldName ?? '')
  const spa = /^CRM_(\d+)$/.exec(entityId)
  if (spa ? !ctx.ps.types.get(Number(spa[1])) : !LEGACY_ENTITIES.includes(entityId))
    throw ufErr('You cannot create custom fields for this entity')
  const prefix = spa ? `UF_CRM_${spa[1]}_` : 'UF_CRM_'
  if (!fieldName.startsWith(prefix) || fieldName.length <= prefix.length)
    throw ufErr(`You cannot create custom fields: field name must start with ${prefix}`)
  if (!/^[A-Z0-9_]+$/.test(fieldName) || fieldName.length > 50)
    throw ufErr('Field name may contain only A-Z, 0-9 and _ and be at most 50 characters')
  if (ctx.ps.userfields.find((u) => u.entityId === entityId && u.fieldName === fieldName))
    throw ufErr(`Field ${fieldName} already exists`)
  const userTypeId = String(f.userTypeId ?? '')
  if (!UF_TYPES.includes(userTypeId) && !userTypeId.startsWith('rest_')) throw ufErr(`Unknown user type ${userTypeId}`)
  const id = ctx.ps.userfields.nextId()
  const row = ctx.ps.userfields.insert({
    id,
    entityId,
    fieldName,
    userTypeId,
    xmlId: String(f.xmlId ?? ''),
    sort: Number(f.sort ?? 100),
    multiple: yn(f.multiple),
    mandatory: yn(f.mandatory),
    showFilter: yn(f.showFilter),
    showInList: 'Y',
    editInList: yn(f.editInList, 'Y'),
    isSearchable: yn(f.isSearchable),
    settings: obj(f.settings),
    editFormLabel: labels(ctx, f.editFormLabel, {}),
    listColumnLabel: labels(ctx, f.editFormLabel, {}),
    listFilterLabel: labels(ctx, f.editFormLabel, {}),
    errorMessage: {},
    helpMessage: labels(ctx, f.helpMessage, {}),
    enum: enumItems(ctx, f.enum, [], id),
  })
  return { result: { field: fieldOut(row) } }
}

function ufById(ctx: Ctx, p: Params): Rec {
  checkModule(p)
  const u = ctx.ps.userfields.get(reqInt(p, 'id'))
  if (!u) throw ufErr('Field not found')
  return u
}

function ufUpdate(ctx: Ctx, p: Params) {
  const u = ufById(ctx, p)
  const f = obj(p.field)
  const next = { ...u }
  for (const k of ['mandatory', 'showFilter', 'editInList', 'isSearchable']) if (f[k] !== undefined) next[k] = yn(f[k])
  if (f.sort !== undefined) next.sort = Number(f.sort)
  if (f.xmlId !== undefined) next.xmlId = String(f.xmlId)
  if (f.settings !== undefined) next.settings = { ...obj(u.settings), ...obj(f.settings) }
  if (f.editFormLabel !== undefined)
    next.editFormLabel = next.listColumnLabel = next.listFilterLabel = labels(ctx, f.editFormLabel, u.editFormLabel)
  if (f.helpMessage !== undefined) next.helpMessage = labels(ctx, f.helpMessage, u.helpMessage)
  // api-reference/crm/universal/userfieldconfig/userfieldconfig-update.md: changes to `enum` apply only
  // when field.userTypeId is 'enumeration'; without it the options stay as they are (no error).
  if (f.userTypeId === 'enumeration' && u.userTypeId === 'enumeration')
    next.enum = enumItems(ctx, f.enum, list(u.enum), u.id)
  ctx.ps.userfields.save(next)
  return { result: { field: fieldOut(next) } }
}

function ufList(ctx: Ctx, p: Params) {
  checkModule(p)
  const conds = parseFilter(p.filter)
  let rows = ctx.ps.userfields
    .values()
    .map(fieldOut)
    .filter((u) => matches(conds, (f) => u[f], ctx.zone))
  rows = sortRows(rows, p.order ?? { id: 'ASC' }, (r, f) => r[f])
  const pg = page(rows, startOf(p))
  return { result: { fields: pg.rows }, total: pg.total, next: pg.next }
}

export const userfieldMethods: MethodTable = {
  'userfieldconfig.add': { scope: 'userfieldconfig', admin: true, deniedStatus: 400, write: true, handler: ufAdd },
  'userfieldconfig.get': {
    scope: 'userfieldconfig',
    handler: (ctx, p) => ({ result: { field: fieldOut(ufById(ctx, p)) } }),
  },
  'userfieldconfig.list': { scope: 'userfieldconfig', handler: ufList },
  'userfieldconfig.update': {
    scope: 'userfieldconfig',
    admin: true,
    deniedStatus: 400,
    write: true,
    handler: ufUpdate,
  },
  'userfieldconfig.delete': {
    scope: 'userfieldconfig',
    admin: true,
    deniedStatus: 400,
    write: true,
    handler: (ctx, p) => {
      const u = ufById(ctx, p)
      ctx.ps.userfields.remove(u.id)
      return { result: true }
    },
  },
  'userfieldconfig.gettypes': {
    scope: 'userfieldconfig',
    handler: () => ({ result: { types: UF_TYPES.map((t) => ({ userTypeId: t, description: t })) } }),
  },
}
