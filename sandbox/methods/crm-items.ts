// crm.item.* for smart processes (reference 6): add/get/list/update/delete/fields.
import { RestError, notFound } from '../rest/errors.ts'
import { parseFilter, matches, type Cond } from '../rest/filter.ts'
import { PAGE, orderKeys, sortRows, startOf } from '../rest/paging.ts'
import { isTrue, list, obj, reqInt } from './common.ts'
import { disabledFields, indexSchema, itemSchema, resolveField, type SchemaIndex } from './item-schema.ts'
import { checkOrder, listFilterValue } from './item-list-args.ts'
import { filterValue, toOutput } from './item-values.ts'
import { applyItemFields } from './item-write.ts'
import { DEAL, systemType } from './system-types.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

type Scope = { type: Rec; etid: number; idx: SchemaIndex; original: boolean }

function scopeOf(ctx: Ctx, p: Params): Scope {
  const etid = reqInt(p, 'entityTypeId')
  if (etid === 5) throw new RestError('ENTITY_TYPE_NOT_SUPPORTED', 'Entity type 5 is not supported', 400)
  // deals and smart invoices are built in (system-types.ts)
  const type = ctx.ps.typeByEntityTypeId(etid) ?? systemType(ctx.ps, etid)
  if (!type) throw notFound('Smart process not found')
  return {
    type,
    etid,
    idx: indexSchema(itemSchema(ctx.ps, type), disabledFields(type)),
    original: isTrue(p.useOriginalUfNames),
  }
}

export function itemOut(ctx: Ctx, s: Scope, item: Rec, select?: unknown): Record<string, unknown> {
  const sel = list(select).map(String)
  const all = sel.length === 0 || sel.includes('*')
  const wanted = all ? null : new Set(sel.map((n) => resolveField(s.idx, n)?.key).filter(Boolean) as string[])
  const out: Record<string, unknown> = {}
  for (const d of s.idx.defs) {
    if (wanted && !wanted.has(d.key) && d.key !== 'id' && !(sel.includes('uf*') && d.dynamic)) continue
    out[d.dynamic && s.original ? d.upper : d.camel] = toOutput(d, item[d.key], ctx.zone)
  }
  // crm-item-add.md "Disabled fields always return null" (fields the type's settings switch off)
  for (const camel of s.idx.off) if (all || sel.includes(camel)) out[camel] = null
  return out
}

// api-reference/crm/universal/events/*.md: ONCRMDYNAMICITEM* fire for SPAs and smart invoices (31) with
// FIELDS {ID, ENTITY_TYPE_ID}; deals have their own ONCRMDEAL* with FIELDS {ID}
// (api-reference/crm/deals/events/on-crm-deal-update.md)
function emitItemEvent(ctx: Ctx, etid: number, what: 'ADD' | 'UPDATE' | 'DELETE', id: number): void {
  if (etid === DEAL) ctx.hooks.emit(ctx, `ONCRMDEAL${what}`, { FIELDS: { ID: String(id) } })
  else ctx.hooks.emit(ctx, `ONCRMDYNAMICITEM${what}`, { FIELDS: { ID: String(id), ENTITY_TYPE_ID: String(etid) } })
}

function itemById(ctx: Ctx, s: Scope, p: Params): Rec {
  const item = ctx.ps.items(s.etid).get(reqInt(p, 'id'))
  if (!item) throw notFound('Item not found')
  return item
}

function itemAdd(ctx: Ctx, p: Params) {
  const s = scopeOf(ctx, p)
  const table = ctx.ps.items(s.etid)
  const id = table.nextId()
  const draft = applyItemFields(ctx, s.type, s.idx, { id }, obj(p.fields), true)
  if (!draft.title) draft.title = `${String(s.type.title)} #${id}`
  const item = table.insert(draft)
  emitItemEvent(ctx, s.etid, 'ADD', id)
  ctx.hooks.itemStageEntered(ctx, s.etid, id, String(item.stageId))
  return { result: { item: itemOut(ctx, s, item) } }
}

function itemUpdate(ctx: Ctx, p: Params) {
  const s = scopeOf(ctx, p)
  const prev = itemById(ctx, s, p)
  const next = ctx.ps.items(s.etid).save(applyItemFields(ctx, s.type, s.idx, prev, obj(p.fields), false))
  emitItemEvent(ctx, s.etid, 'UPDATE', next.id)
  if (next.stageId !== prev.stageId) ctx.hooks.itemStageEntered(ctx, s.etid, next.id, String(next.stageId))
  return { result: { item: itemOut(ctx, s, next) } }
}

function itemDelete(ctx: Ctx, p: Params) {
  const s = scopeOf(ctx, p)
  const item = itemById(ctx, s, p)
  ctx.ps.items(s.etid).remove(item.id)
  emitItemEvent(ctx, s.etid, 'DELETE', item.id)
  return { result: [] }
}

function normConds(s: Scope, conds: Cond[], zone: string): Cond[] {
  return conds.map((c) => {
    if ('logic' in c) return { ...c, parts: c.parts.map((p) => normConds(s, p, zone)) }
    const d = resolveField(s.idx, c.field)
    // crm-item-list.md, errors: a field the type does not have (or has switched off) cannot filter
    if (!d) throw new RestError('INVALID_ARG_VALUE', `Invalid filter: field '${c.field}' is not allowed in filter`, 400)
    return { ...c, field: d.key, value: filterValue(d, listFilterValue(d, c.field, c.value), zone) }
  })
}

function itemList(ctx: Ctx, p: Params) {
  const s = scopeOf(ctx, p)
  const conds = normConds(s, parseFilter(p.filter), ctx.zone)
  checkOrder(s.idx, p.order)
  const norm = (f: string) => resolveField(s.idx, f)?.key ?? f
  const keys = orderKeys(p.order, norm)
  const start = startOf(p)
  const table = ctx.ps.items(s.etid)
  const byIdAsc = keys.length === 0 || (keys.length === 1 && keys[0][0] === 'id' && keys[0][1] === 'ASC')
  const pass = (r: Rec) => matches(conds, (f) => r[f], ctx.zone)
  if (start === -1 && byIdAsc) {
    const rows: Rec[] = []
    for (const r of table.ascendingFrom(lowerIdBound(conds))) {
      if (pass(r)) rows.push(r)
      if (rows.length >= PAGE) break
    }
    return { result: { items: rows.map((r) => itemOut(ctx, s, r, p.select)) }, total: 0 }
  }
  let rows = table.filter(pass)
  if (!byIdAsc) rows = sortRows(rows, p.order, (r, f) => r[f], norm, ctx.zone)
  if (start === -1) return { result: { items: rows.slice(0, PAGE).map((r) => itemOut(ctx, s, r, p.select)) }, total: 0 }
  const from = Math.max(0, start)
  const slice = rows.slice(from, from + PAGE)
  return {
    result: { items: slice.map((r) => itemOut(ctx, s, r, p.select)) },
    total: rows.length,
    next: from + PAGE < rows.length ? from + PAGE : undefined,
  }
}

function lowerIdBound(conds: Cond[]): number {
  let after = 0
  for (const c of conds) {
    if ('logic' in c || c.field !== 'id') continue
    if (c.op === '>') after = Math.max(after, Number(c.value))
    if (c.op === '>=') after = Math.max(after, Number(c.value) - 1)
  }
  return Number.isFinite(after) ? after : 0
}

function itemFields(ctx: Ctx, p: Params) {
  const s = scopeOf(ctx, p)
  const fields: Record<string, unknown> = {}
  for (const d of s.idx.defs) {
    const f: Record<string, unknown> = {
      type: d.type,
      isRequired: d.required,
      isReadOnly: d.readOnly,
      isImmutable: d.immutable,
      isMultiple: d.multiple,
      isDynamic: d.dynamic,
      title: d.title,
      upperName: d.upper,
    }
    if (d.type === 'crm_status' && d.key === 'stageId') f.statusType = `DYNAMIC_${s.etid}_STAGE`
    if (d.uf) f.settings = d.uf.settings
    if (d.type === 'enumeration')
      f.items = list(d.uf?.enum).map((e) => ({ ID: Number(obj(e).id), VALUE: obj(e).value }))
    fields[d.dynamic && s.original ? d.upper : d.camel] = f
  }
  return { result: { fields } }
}

export const crmItemMethods: MethodTable = {
  'crm.item.add': { scope: 'crm', write: true, handler: itemAdd },
  'crm.item.update': { scope: 'crm', write: true, handler: itemUpdate },
  'crm.item.delete': { scope: 'crm', write: true, handler: itemDelete },
  'crm.item.get': {
    scope: 'crm',
    handler: (ctx, p) => {
      const s = scopeOf(ctx, p)
      return { result: { item: itemOut(ctx, s, itemById(ctx, s, p)) } }
    },
  },
  'crm.item.list': { scope: 'crm', handler: itemList },
  'crm.item.fields': { scope: 'crm', handler: itemFields },
}
