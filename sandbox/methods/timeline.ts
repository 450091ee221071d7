// crm.timeline.comment.* (reference 10) and crm.activity.add|list|get|delete with the e-mail outbox (13.1);
// crm.activity.binding.add|delete|list (an activity listed in several items' timelines); ONCRMACTIVITYADD.
import { RestError, notFound } from '../rest/errors.ts'
import { parseFilter, matches } from '../rest/filter.ts'
import { page, sortRows, startOf } from '../rest/paging.ts'
import { isoAt } from '../util/time.ts'
import { list, obj, reqInt, selectKeys } from './common.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

/** Does the CRM owner exist? entityType is `company`, `contact`, `dynamic_<etid>` ... */
export function ownerExists(ctx: Ctx, entityType: string, id: number): 'ok' | 'type' | 'item' {
  const t = entityType.toLowerCase()
  if (t === 'company') return ctx.ps.companies.get(id) ? 'ok' : 'item'
  if (t === 'contact') return ctx.ps.contacts.get(id) ? 'ok' : 'item'
  const m = /^dynamic_(\d+)$/.exec(t)
  if (m) {
    if (!ctx.ps.typeByEntityTypeId(Number(m[1]))) return 'type'
    return ctx.ps.items(Number(m[1])).get(id) ? 'ok' : 'item'
  }
  return ['lead', 'deal', 'order'].includes(t) ? 'item' : 'type'
}

const TYPE_NAMES: Record<number, string> = { 1: 'lead', 2: 'deal', 3: 'contact', 4: 'company', 14: 'order' }
export const typeNameOf = (etid: number) => TYPE_NAMES[etid] ?? `dynamic_${etid}`

function commentOut(ctx: Ctx, c: Rec): Record<string, unknown> {
  return { ID: String(c.id), CREATED: isoAt(Number(c.CREATED), ctx.zone), ENTITY_ID: Number(c.ENTITY_ID), ENTITY_TYPE: c.ENTITY_TYPE, AUTHOR_ID: String(c.AUTHOR_ID), COMMENT: c.COMMENT, FILES: c.FILES ?? [] }
}

function commentById(ctx: Ctx, p: Params): Rec {
  const c = ctx.ps.comments.get(reqInt(p, 'id', 'ID'))
  if (!c) throw notFound('Comment not found')
  return c
}

function commentAdd(ctx: Ctx, p: Params) {
  const f = obj(p.fields)
  const type = String(f.ENTITY_TYPE ?? '').toLowerCase()
  const id = Number(f.ENTITY_ID)
  if (!type || !id) throw new RestError('INVALID_ARG_VALUE', 'ENTITY_ID and ENTITY_TYPE are required', 400)
  if (!f.COMMENT) throw new RestError('INVALID_ARG_VALUE', 'Comment is empty', 400)
  const own = ownerExists(ctx, type, id)
  if (own === 'type') throw new RestError('OWNER_NOT_FOUND', 'Owner not found', 400)
  if (own === 'item') throw notFound('Owner item not found')
  const c = ctx.ps.comments.insert({ ENTITY_TYPE: type, ENTITY_ID: id, COMMENT: String(f.COMMENT), AUTHOR_ID: ctx.user.id, CREATED: ctx.now, FILES: f.FILES ?? [] })
  return { result: c.id }
}

const DATE_FIELDS = ['CREATED', 'LAST_UPDATED', 'START_TIME', 'END_TIME', 'DEADLINE']

function activityOut(ctx: Ctx, a: Rec, select: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(a)) {
    if (k === 'BINDINGS') continue
    // attachments come back as {id, url} only (no names), like the portal's crm_activity_file links
    if (k === 'FILES') { out.FILES = list(v).map((_, i) => ({ id: Number(a.id) * 100 + i + 1, url: `http://${ctx.ps.portal.domain}/bitrix/tools/crm_activity_file.php?activityId=${String(a.id)}&fileId=${Number(a.id) * 100 + i + 1}` })); continue }
    if (k === 'id') out.ID = String(v)
    else if (DATE_FIELDS.includes(k)) out[k] = v ? isoAt(Number(v), ctx.zone) : ''
    else if (typeof v === 'number') out[k] = String(v)
    else out[k] = v
  }
  const sel = list(select).map(String)
  if (!sel.includes('COMMUNICATIONS')) delete out.COMMUNICATIONS
  return sel.length && !sel.includes('*') ? selectKeys(out, sel.filter((s) => s !== 'COMMUNICATIONS').concat(out.COMMUNICATIONS ? ['COMMUNICATIONS'] : []), ['ID']) : out
}

function activityAdd(ctx: Ctx, p: Params) {
  const f = obj(p.fields)
  for (const k of ['OWNER_TYPE_ID', 'OWNER_ID', 'TYPE_ID']) if (!f[k]) throw new RestError('ERROR_CORE', `Field ${k} is required`, 400)
  const typeId = Number(f.TYPE_ID)
  if (!f.SUBJECT && typeId === 4) throw new RestError('ERROR_CORE', 'SUBJECT is not defined', 400)
  const ownerType = typeNameOf(Number(f.OWNER_TYPE_ID))
  if (ownerExists(ctx, ownerType, Number(f.OWNER_ID)) !== 'ok') throw new RestError('ERROR_CORE', 'Owner not found', 400)
  const comms = list(f.COMMUNICATIONS).map(obj)
  if (typeId === 4 && comms.length !== 1) throw new RestError('ERROR_CORE', 'E-mail activity needs exactly one communication', 400)
  const sends = typeId === 4 && Number(f.DIRECTION) === 2 && String(f.COMPLETED) === 'Y'
  const settings = obj(f.SETTINGS)
  const from = String(settings.MESSAGE_FROM ?? (ctx.user.email ? `${ctx.user.name} ${ctx.user.lastName} <${ctx.user.email}>`.trim() : ''))
  const a = ctx.ps.activities.insert({
    OWNER_TYPE_ID: Number(f.OWNER_TYPE_ID), OWNER_ID: Number(f.OWNER_ID), TYPE_ID: typeId, PROVIDER_ID: typeId === 4 ? 'CRM_EMAIL' : 'CRM_ACTIVITY',
    SUBJECT: String(f.SUBJECT ?? ''), DESCRIPTION: String(f.DESCRIPTION ?? ''), DESCRIPTION_TYPE: Number(f.DESCRIPTION_TYPE ?? 1),
    DIRECTION: Number(f.DIRECTION ?? 0), COMPLETED: String(f.COMPLETED ?? 'N'), RESPONSIBLE_ID: Number(f.RESPONSIBLE_ID ?? ctx.user.id),
    AUTHOR_ID: ctx.user.id, CREATED: ctx.now, LAST_UPDATED: ctx.now, START_TIME: ctx.now, END_TIME: ctx.now,
    COMMUNICATIONS: comms.map((c, i) => ({ ID: String(i + 1), TYPE: typeId === 4 ? 'EMAIL' : String(c.TYPE ?? ''), VALUE: String(c.VALUE ?? ''), ENTITY_ID: String(c.ENTITY_ID ?? ''), ENTITY_TYPE_ID: String(c.ENTITY_TYPE_ID ?? '') })),
    SETTINGS: settings, FILES: f.FILES ?? [], BINDINGS: [{ OWNER_TYPE_ID: Number(f.OWNER_TYPE_ID), OWNER_ID: Number(f.OWNER_ID) }],
  })
  if (sends) {
    if (!from) throw new RestError('ERROR_CORE', 'Email send error. "From" is not found', 400)
    ctx.ps.outbox.insert({
      activityId: a.id, at: ctx.now, from, to: String(comms[0].VALUE ?? ''), subject: a.SUBJECT, body: a.DESCRIPTION,
      bodyType: a.DESCRIPTION_TYPE, files: a.FILES, ownerTypeId: a.OWNER_TYPE_ID, ownerId: a.OWNER_ID, userId: ctx.user.id,
    })
  }
  ctx.hooks.emit(ctx, 'ONCRMACTIVITYADD', { FIELDS: { ID: String(a.id) } })
  return { result: a.id }
}

type Binding = { OWNER_TYPE_ID: number; OWNER_ID: number }
const bindingsOf = (a: Rec): Binding[] => (Array.isArray(a.BINDINGS) ? (a.BINDINGS as Binding[]) : [{ OWNER_TYPE_ID: Number(a.OWNER_TYPE_ID), OWNER_ID: Number(a.OWNER_ID) }])

function activityById(ctx: Ctx, p: Params, ...keys: string[]): Rec {
  const a = ctx.ps.activities.get(reqInt(p, ...keys))
  if (!a) throw notFound('Activity not found')
  return a
}

/** crm.activity.binding.add|delete: an activity is listed in the timeline of every item it is bound to. */
function bindingChange(ctx: Ctx, p: Params, add: boolean) {
  const a = activityById(ctx, p, 'activityId', 'ACTIVITY_ID')
  const b = { OWNER_TYPE_ID: reqInt(p, 'entityTypeId', 'ENTITY_TYPE_ID'), OWNER_ID: reqInt(p, 'entityId', 'ENTITY_ID') }
  if (ownerExists(ctx, typeNameOf(b.OWNER_TYPE_ID), b.OWNER_ID) !== 'ok') throw notFound('Element not found')
  const list = bindingsOf(a)
  const has = list.some((x) => x.OWNER_TYPE_ID === b.OWNER_TYPE_ID && x.OWNER_ID === b.OWNER_ID)
  if (add && has) throw new RestError('ERROR_CORE', 'Binding already exists', 400)
  if (!add && !has) throw notFound('Binding not found')
  if (!add && list.length === 1) throw new RestError('ERROR_CORE', 'The last binding of an activity cannot be removed', 400)
  ctx.ps.activities.save({ ...a, BINDINGS: add ? [...list, b] : list.filter((x) => x !== list.find((y) => y.OWNER_TYPE_ID === b.OWNER_TYPE_ID && y.OWNER_ID === b.OWNER_ID)) })
  return { result: true }
}

function activityList(ctx: Ctx, p: Params) {
  // OWNER_TYPE_ID + OWNER_ID select by binding: an activity bound to several items is listed for each
  const all = parseFilter(p.filter, (f) => f.toUpperCase())
  const plain = (f: string) => all.find((c): c is { field: string; op: '='; value: unknown } => 'field' in c && c.field === f && c.op === '=')
  const ownerType = plain('OWNER_TYPE_ID')
  const ownerId = plain('OWNER_ID')
  const conds = ownerType && ownerId ? all.filter((c) => c !== ownerType && c !== ownerId) : all
  // date fields are kept as instants and compared as the portal shows them (ISO in the portal's zone)
  const field = (a: Rec, f: string) => (f === 'ID' ? a.id : DATE_FIELDS.includes(f) && a[f] ? isoAt(Number(a[f]), ctx.zone) : a[f])
  let rows = ctx.ps.activities.values().filter((a) => matches(conds, (f) => field(a, f), ctx.zone)
    && (!ownerType || !ownerId || bindingsOf(a).some((b) => b.OWNER_TYPE_ID === Number(ownerType.value) && b.OWNER_ID === Number(ownerId.value))))
  rows = sortRows(rows, p.order ?? { ID: 'ASC' }, (r, f) => (f === 'ID' ? r.id : r[f]), (f) => f.toUpperCase())
  const pg = page(rows, startOf(p))
  return { result: pg.rows.map((a) => activityOut(ctx, a, p.select)), total: pg.total, next: pg.next }
}

export const timelineMethods: MethodTable = {
  'crm.timeline.comment.add': { scope: 'crm', write: true, handler: commentAdd },
  'crm.timeline.comment.get': { scope: 'crm', handler: (ctx, p) => ({ result: commentOut(ctx, commentById(ctx, p)) }) },
  'crm.timeline.comment.update': {
    scope: 'crm', write: true,
    handler: (ctx, p) => {
      const c = commentById(ctx, p)
      const f = obj(p.fields)
      if (f.COMMENT !== undefined && !f.COMMENT) throw new RestError('INVALID_ARG_VALUE', 'Comment is empty', 400)
      ctx.ps.comments.save({ ...c, ...(f.COMMENT !== undefined ? { COMMENT: String(f.COMMENT) } : {}), ...(f.FILES !== undefined ? { FILES: f.FILES } : {}) })
      return { result: c.id }
    },
  },
  'crm.timeline.comment.delete': {
    scope: 'crm', write: true,
    handler: (ctx, p) => {
      ctx.ps.comments.remove(commentById(ctx, p).id)
      return { result: true }
    },
  },
  'crm.timeline.comment.list': {
    scope: 'crm',
    handler: (ctx, p) => {
      const f = { ...obj(p.filter) }
      if (!f.ENTITY_ID || !f.ENTITY_TYPE) throw new RestError('INVALID_ARG_VALUE', 'ENTITY_ID and ENTITY_TYPE are required in filter', 400)
      f.ENTITY_TYPE = String(f.ENTITY_TYPE).toLowerCase()
      const conds = parseFilter(f, (k) => k.toUpperCase())
      let rows = ctx.ps.comments.values().map((c) => commentOut(ctx, c)).filter((c) => matches(conds, (k) => c[k], ctx.zone))
      rows = sortRows(rows, p.order ?? { CREATED: 'DESC', ID: 'DESC' }, (r, k) => (k === 'ID' ? Number(r.ID) : r[k]), (k) => k.toUpperCase(), ctx.zone)
      const pg = page(rows, startOf(p))
      return { result: pg.rows.map((r) => selectKeys(r, p.select, ['ID'])), total: pg.total, next: pg.next }
    },
  },
  'crm.activity.add': { scope: 'crm', write: true, handler: activityAdd },
  'crm.activity.list': { scope: 'crm', handler: activityList },
  'crm.activity.get': {
    scope: 'crm',
    handler: (ctx, p) => {
      const a = ctx.ps.activities.get(reqInt(p, 'id', 'ID'))
      if (!a) throw notFound('Activity not found')
      return { result: activityOut(ctx, a, ['*', 'COMMUNICATIONS']) }
    },
  },
  'crm.activity.binding.add': { scope: 'crm', write: true, handler: (ctx, p) => bindingChange(ctx, p, true) },
  'crm.activity.binding.delete': { scope: 'crm', write: true, handler: (ctx, p) => bindingChange(ctx, p, false) },
  'crm.activity.binding.list': {
    scope: 'crm',
    handler: (ctx, p) => ({ result: bindingsOf(activityById(ctx, p, 'activityId', 'ACTIVITY_ID')).map((b) => ({ entityTypeId: b.OWNER_TYPE_ID, entityId: b.OWNER_ID })) }),
  },
  'crm.activity.delete': {
    scope: 'crm', write: true,
    handler: (ctx, p) => {
      if (!ctx.ps.activities.remove(reqInt(p, 'id', 'ID'))) throw notFound('Activity not found')
      return { result: true }
    },
  },
}
