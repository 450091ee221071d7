// crm.category.* and crm.status.* for smart-process pipelines and stages (reference 5.3, 5.4).
import { RestError, notFound } from '../rest/errors.ts'
import { parseFilter, matches } from '../rest/filter.ts'
import { sortRows } from '../rest/paging.ts'
import { obj, reqInt, isTrue } from './common.ts'
import {
  addCategory,
  categoriesOf,
  categoryOut,
  parseStageEntity,
  stageEntityId,
  stagePrefix,
  statusOut,
} from './spa-setup.ts'
import { ensureSystemPipelines, systemType } from './system-types.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

function typeOf(ctx: Ctx, p: Params): Rec {
  const etid = reqInt(p, 'entityTypeId')
  const t = ctx.ps.typeByEntityTypeId(etid) ?? systemType(ctx.ps, etid)
  if (!t) throw notFound('Smart process not found')
  return t
}

function categoryById(ctx: Ctx, p: Params): Rec {
  const c = ctx.ps.categories.get(reqInt(p, 'id'))
  if (!c || c.entityTypeId !== Number(p.entityTypeId)) throw notFound('Category not found')
  return c
}

const stageErr = (msg: string) => new RestError('', msg, 400)

function statusAdd(ctx: Ctx, p: Params) {
  const f = obj(p.fields)
  const entityId = String(f.ENTITY_ID ?? '')
  if (!entityId) throw stageErr('ENTITY_ID is not defined')
  if (!f.NAME) throw stageErr('NAME is not defined')
  if (!f.STATUS_ID) throw stageErr('STATUS_ID is not defined')
  const dyn = parseStageEntity(entityId)
  let statusId = String(f.STATUS_ID)
  let categoryId: number | null = null
  if (dyn) {
    const cat = ctx.ps.categories.get(dyn.categoryId)
    if (
      !(ctx.ps.typeByEntityTypeId(dyn.entityTypeId) ?? systemType(ctx.ps, dyn.entityTypeId)) ||
      !cat ||
      cat.entityTypeId !== dyn.entityTypeId
    )
      throw stageErr('Entity type not found')
    categoryId = dyn.categoryId
    const prefix = stagePrefix(dyn.entityTypeId, dyn.categoryId)
    // the default deal pipeline's stages have no prefix (reference 5.4)
    if (!prefix && statusId.includes(':')) throw stageErr('Wrong STATUS_ID prefix')
    if (prefix && !statusId.includes(':')) statusId = `${prefix}:${statusId}`
    else if (prefix && !statusId.startsWith(`${prefix}:`)) throw stageErr('Wrong STATUS_ID prefix')
  }
  if (!/^[A-Za-z0-9_:-]+$/.test(statusId) || statusId.length > 50) throw stageErr('STATUS_ID has wrong format')
  if (ctx.ps.statuses.find((s) => s.ENTITY_ID === entityId && s.STATUS_ID === statusId))
    throw stageErr(`Status with STATUS_ID ${statusId} already exists`)
  const semantics = f.SEMANTICS === 'S' || f.SEMANTICS === 'F' ? f.SEMANTICS : null
  if (semantics === 'S' && ctx.ps.statuses.find((s) => s.ENTITY_ID === entityId && s.SEMANTICS === 'S'))
    throw stageErr('Success stage already exists')
  const row = ctx.ps.statuses.insert({
    ENTITY_ID: entityId,
    STATUS_ID: statusId,
    NAME: String(f.NAME),
    NAME_INIT: '',
    SORT: Number(f.SORT ?? 10),
    SYSTEM: 'N',
    CATEGORY_ID: categoryId,
    COLOR: String(f.COLOR ?? '#39A8EF'),
    SEMANTICS: semantics,
  })
  return { result: row.id }
}

function statusById(ctx: Ctx, p: Params): Rec {
  const s = ctx.ps.statuses.get(reqInt(p, 'id', 'ID'))
  if (!s) throw stageErr('Status not found')
  return s
}

function statusUpdate(ctx: Ctx, p: Params) {
  const s = statusById(ctx, p)
  const f = obj(p.fields)
  const next = { ...s }
  if (f.NAME !== undefined) next.NAME = String(f.NAME)
  if (f.SORT !== undefined) next.SORT = Number(f.SORT)
  if (f.COLOR !== undefined) next.COLOR = String(f.COLOR)
  if (f.SEMANTICS !== undefined && s.SYSTEM !== 'Y')
    next.SEMANTICS = f.SEMANTICS === 'S' || f.SEMANTICS === 'F' ? f.SEMANTICS : null
  ctx.ps.statuses.save(next)
  return { result: true }
}

function statusDelete(ctx: Ctx, p: Params) {
  const s = statusById(ctx, p)
  if (s.SYSTEM === 'Y' && !isTrue(obj(p.params).FORCED)) throw stageErr('Cannot delete a system status')
  const dyn = parseStageEntity(String(s.ENTITY_ID))
  if (dyn && ctx.ps.items(dyn.entityTypeId).find((i) => i.stageId === s.STATUS_ID))
    throw stageErr('There are items in this stage')
  ctx.ps.statuses.remove(s.id)
  return { result: true }
}

function statusList(ctx: Ctx, p: Params) {
  // the deal and smart-invoice pipelines every portal has (system-types.ts)
  ensureSystemPipelines(ctx.ps)
  const conds = parseFilter(p.filter, (f) => f.toUpperCase())
  let rows = ctx.ps.statuses
    .values()
    .map(statusOut)
    .filter((s) => matches(conds, (f) => s[f], ctx.zone))
  rows = sortRows(
    rows,
    p.order ?? { SORT: 'ASC', ID: 'ASC' },
    (r, f) => r[f],
    (f) => f.toUpperCase(),
  )
  return { result: rows, total: rows.length }
}

function entityTypes(ctx: Ctx) {
  const out: Record<string, unknown>[] = []
  for (const t of ctx.ps.types.values()) {
    const etid = Number(t.entityTypeId)
    for (const c of categoriesOf(ctx.ps, etid)) {
      out.push({
        ID: stageEntityId(etid, c.id),
        NAME: `${t.title} (${c.name})`,
        PARENT_ID: `DYNAMIC_${etid}_STAGE`,
        SEMANTIC_INFO: {},
        PREFIX: stagePrefix(etid, c.id),
        FIELD_ATTRIBUTE_SCOPE: '',
        ENTITY_TYPE_ID: etid,
        IS_ENABLED: true,
        CATEGORY_ID: c.id,
        IS_DEFAULT_CATEGORY: c.isDefault === 'Y',
      })
    }
  }
  return { result: out }
}

export const crmStageMethods: MethodTable = {
  'crm.category.list': {
    scope: 'crm',
    handler: (ctx, p) => {
      const t = typeOf(ctx, p)
      const rows = categoriesOf(ctx.ps, Number(t.entityTypeId)).map(categoryOut)
      return { result: { categories: rows }, total: rows.length }
    },
  },
  'crm.category.get': {
    scope: 'crm',
    handler: (ctx, p) => ({ result: { category: categoryOut(categoryById(ctx, p)) } }),
  },
  'crm.category.add': {
    scope: 'crm',
    admin: true,
    deniedStatus: 400,
    write: true,
    handler: (ctx, p) => {
      const t = typeOf(ctx, p)
      if (t.isCategoriesEnabled !== 'Y')
        throw new RestError('ENTITY_TYPE_NOT_SUPPORTED', 'Categories are not supported by this entity type', 400)
      const f = obj(p.fields)
      if (!f.name) throw new RestError('INVALID_ARG_VALUE', 'Field "name" is required', 400)
      const c = addCategory(ctx.ps, Number(t.entityTypeId), {
        name: String(f.name),
        sort: f.sort === undefined ? 500 : Number(f.sort),
        isDefault: isTrue(f.isDefault),
        code: f.code === undefined ? '' : String(f.code),
      })
      return { result: { category: categoryOut(c) } }
    },
  },
  'crm.category.update': {
    scope: 'crm',
    admin: true,
    deniedStatus: 400,
    write: true,
    handler: (ctx, p) => {
      const c = categoryById(ctx, p)
      const f = obj(p.fields)
      const next = ctx.ps.categories.save({
        ...c,
        ...(f.name !== undefined ? { name: String(f.name) } : {}),
        ...(f.sort !== undefined ? { sort: Number(f.sort) } : {}),
      })
      return { result: { category: categoryOut(next) } }
    },
  },
  'crm.category.delete': {
    scope: 'crm',
    admin: true,
    deniedStatus: 400,
    write: true,
    handler: (ctx, p) => {
      const c = categoryById(ctx, p)
      if (c.isDefault === 'Y')
        throw new RestError('ERROR_CANNOT_DELETE_DEFAULT', 'Default category cannot be deleted', 400)
      if (ctx.ps.items(Number(c.entityTypeId)).find((i) => i.categoryId === c.id))
        throw new RestError('CATEGORY_HAS_ITEMS', 'Category has items', 400)
      ctx.ps.categories.remove(c.id)
      for (const s of ctx.ps.statuses.filter((s) => s.ENTITY_ID === stageEntityId(Number(c.entityTypeId), c.id)))
        ctx.ps.statuses.remove(s.id)
      return { result: [] }
    },
  },
  'crm.status.list': { scope: 'crm', handler: statusList },
  'crm.status.get': { scope: 'crm', handler: (ctx, p) => ({ result: statusOut(statusById(ctx, p)) }) },
  'crm.status.add': { scope: 'crm', admin: true, deniedStatus: 400, write: true, handler: statusAdd },
  'crm.status.update': { scope: 'crm', admin: true, deniedStatus: 400, write: true, handler: statusUpdate },
  'crm.status.delete': { scope: 'crm', admin: true, deniedStatus: 400, write: true, handler: statusDelete },
  'crm.status.entity.types': { scope: 'crm', handler: entityTypes },
}
