// crm.type.* (reference 5.2): smart processes with their flags, relations and linked user fields.
import { RestError, notFound } from '../rest/errors.ts'
import { parseFilter, matches } from '../rest/filter.ts'
import { page, sortRows, startOf } from '../rest/paging.ts'
import { isoAt } from '../util/time.ts'
import { obj, list, reqInt, yn } from './common.ts'
import { addCategory } from './spa-setup.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

const FLAGS: [string, 'Y' | 'N'][] = [
  ['isCategoriesEnabled', 'N'],
  ['isStagesEnabled', 'N'],
  ['isBeginCloseDatesEnabled', 'N'],
  ['isClientEnabled', 'N'],
  ['isUseInUserfieldEnabled', 'N'],
  ['isLinkWithProductsEnabled', 'N'],
  ['isMycompanyEnabled', 'N'],
  ['isDocumentsEnabled', 'N'],
  ['isSourceEnabled', 'N'],
  ['isObserversEnabled', 'N'],
  ['isRecyclebinEnabled', 'N'],
  ['isAutomationEnabled', 'N'],
  ['isBizProcEnabled', 'N'],
  ['isSetOpenPermissions', 'Y'],
  ['isPaymentsEnabled', 'N'],
  ['isCountersEnabled', 'N'],
]

const LINKED = ['CALENDAR_EVENT|UF_CRM_CAL_EVENT', 'TASKS_TASK|UF_CRM_TASK', 'TASKS_TASK_TEMPLATE|UF_CRM_TASK']

const tf = (v: unknown): 'Y' | 'N' => (v === true || v === 'true' || v === 'Y' ? 'Y' : 'N')

function relationsOf(f: Record<string, unknown>, prev: Rec | null, clientEnabled: boolean): Record<string, unknown[]> {
  const r = obj(f.relations)
  const norm = (xs: unknown) =>
    list(xs).map((x) => ({
      entityTypeId: Number(obj(x).entityTypeId),
      isChildrenListEnabled: tf(obj(x).isChildrenListEnabled),
      isPredefined: 'N',
    }))
  const prevRel = (prev?.relations ?? { parent: [], child: [] }) as Record<string, Record<string, unknown>[]>
  let parent =
    f.relations !== undefined && r.parent !== undefined
      ? norm(r.parent)
      : prevRel.parent.filter((x) => x.isPredefined !== 'Y')
  const child = f.relations !== undefined && r.child !== undefined ? norm(r.child) : prevRel.child
  if (clientEnabled) {
    parent = parent.filter((x) => x.entityTypeId !== 3 && x.entityTypeId !== 4)
    parent = [
      { entityTypeId: 3, isChildrenListEnabled: 'Y', isPredefined: 'Y' },
      { entityTypeId: 4, isChildrenListEnabled: 'Y', isPredefined: 'Y' },
      ...parent,
    ]
  }
  return { parent, child }
}

function linkedOf(f: Record<string, unknown>, prev: Rec | null, useInUf: boolean): Record<string, string> {
  const given = obj(f.linkedUserFields)
  const prevL = obj(prev?.linkedUserFields)
  const out: Record<string, string> = {}
  for (const k of LINKED) out[k] = useInUf ? (given[k] !== undefined ? tf(given[k]) : String(prevL[k] ?? 'N')) : 'N'
  return out
}

function applyFields(ctx: Ctx, f: Record<string, unknown>, prev: Rec | null): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, d] of FLAGS) out[k] = f[k] !== undefined ? yn(f[k]) : (prev?.[k] ?? d)
  out.relations = relationsOf(f, prev, out.isClientEnabled === 'Y')
  out.linkedUserFields = linkedOf(f, prev, out.isUseInUserfieldEnabled === 'Y')
  if (f.title !== undefined) out.title = String(f.title)
  if (f.code !== undefined) out.code = String(f.code)
  out.updatedTime = ctx.now
  out.updatedBy = ctx.user.id
  return out
}

function allocEntityTypeId(ctx: Ctx): number {
  const used = new Set(ctx.ps.types.values().map((t) => Number(t.entityTypeId)))
  for (let n = 1030; ; n += 2) if (!used.has(n)) return n
}

export function typeOut(t: Rec, zone: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: t.id,
    title: t.title,
    code: t.code ?? '',
    createdBy: t.createdBy,
    entityTypeId: t.entityTypeId,
    customSectionId: null,
  }
  for (const [k] of FLAGS) out[k] = t[k]
  out.createdTime = isoAt(Number(t.createdTime), zone)
  out.updatedTime = isoAt(Number(t.updatedTime), zone)
  out.updatedBy = t.updatedBy
  out.relations = t.relations
  out.linkedUserFields = t.linkedUserFields
  out.customSections = []
  return out
}

function typeAdd(ctx: Ctx, p: Params) {
  const f = obj(p.fields)
  if (!f.title) throw new RestError('INVALID_ARG_VALUE', 'Field "title" is required', 400)
  let etid: number
  if (f.entityTypeId !== undefined && f.entityTypeId !== '') {
    etid = Number(f.entityTypeId)
    if (!((etid >= 128 && etid <= 192) || (etid >= 1030 && etid % 2 === 0)))
      throw new RestError('INVALID_ARG_VALUE', 'entityTypeId is out of allowed range', 400)
    if (ctx.ps.typeByEntityTypeId(etid)) throw new RestError('INVALID_ARG_VALUE', 'entityTypeId is already in use', 400)
  } else etid = allocEntityTypeId(ctx)
  const type = ctx.ps.types.insert({
    entityTypeId: etid,
    createdBy: ctx.user.id,
    createdTime: ctx.now,
    code: '',
    ...applyFields(ctx, f, null),
  })
  ctx.ps.items(etid)
  addCategory(ctx.ps, etid, { name: ctx.ps.portal.lang === 'ru' ? 'Общая' : 'General', isDefault: true })
  return { result: { type: typeOut(type, ctx.zone) } }
}

function typeById(ctx: Ctx, p: Params): Rec {
  const t = ctx.ps.types.get(reqInt(p, 'id', 'ID'))
  if (!t) throw notFound('Smart process not found')
  return t
}

function typeDelete(ctx: Ctx, p: Params) {
  const t = typeById(ctx, p)
  const etid = Number(t.entityTypeId)
  if (ctx.ps.items(etid).size > 0) throw new RestError('BX_ERROR', 'Cannot delete a smart process that has items', 400)
  for (const c of ctx.ps.categories.filter((c) => c.entityTypeId === etid)) ctx.ps.categories.remove(c.id)
  for (const s of ctx.ps.statuses.filter((s) => String(s.ENTITY_ID).startsWith(`DYNAMIC_${etid}_STAGE_`)))
    ctx.ps.statuses.remove(s.id)
  for (const u of ctx.ps.userfields.filter((u) => u.entityId === `CRM_${t.id}`)) ctx.ps.userfields.remove(u.id)
  ctx.ps.dropItems(etid)
  ctx.ps.types.remove(t.id)
  return { result: [] }
}

function typeList(ctx: Ctx, p: Params) {
  const conds = parseFilter(p.filter)
  let rows = ctx.ps.types
    .values()
    .map((t) => typeOut(t, ctx.zone))
    .filter((t) => matches(conds, (f) => t[f], ctx.zone))
  rows = sortRows(rows, p.order ?? { id: 'ASC' }, (r, f) => r[f])
  const pg = page(rows, startOf(p))
  return { result: { types: pg.rows }, total: pg.total, next: pg.next }
}

export const crmTypeMethods: MethodTable = {
  'crm.type.add': { scope: 'crm', admin: true, deniedStatus: 400, write: true, handler: typeAdd },
  'crm.type.get': { scope: 'crm', handler: (ctx, p) => ({ result: { type: typeOut(typeById(ctx, p), ctx.zone) } }) },
  'crm.type.getbyentitytypeid': {
    scope: 'crm',
    handler: (ctx, p) => {
      const t = ctx.ps.typeByEntityTypeId(reqInt(p, 'entityTypeId'))
      if (!t) throw notFound('Smart process not found')
      return { result: { type: typeOut(t, ctx.zone) } }
    },
  },
  'crm.type.list': { scope: 'crm', handler: typeList },
  'crm.type.update': {
    scope: 'crm',
    admin: true,
    deniedStatus: 400,
    write: true,
    handler: (ctx, p) => {
      const t = typeById(ctx, p)
      const next = ctx.ps.types.save({ ...t, ...applyFields(ctx, obj(p.fields), t) })
      return { result: { type: typeOut(next, ctx.zone) } }
    },
  },
  'crm.type.delete': { scope: 'crm', admin: true, deniedStatus: 400, write: true, handler: typeDelete },
}
