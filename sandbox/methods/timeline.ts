// crm.timeline.comment.* (timeline-comments.ts, reference 10) and crm.activity.add|list|get|delete with the e-mail outbox (13.1);
// crm.activity.binding.add|delete|list (an activity listed in several items' timelines); ONCRMACTIVITYADD.
import { RestError, notFound } from '../rest/errors.ts'
import { parseFilter, matches } from '../rest/filter.ts'
import { page, sortRows, startOf } from '../rest/paging.ts'
import { isoAt } from '../util/time.ts'
import { list, reqInt, selectKeys } from './common.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'
import { timelineCommentMethods } from './timeline-comments.ts'
import { ownerExists, typeNameOf } from './timeline-owners.ts'
import { activityAdd } from './activity-add.ts'

const DATE_FIELDS = ['CREATED', 'LAST_UPDATED', 'START_TIME', 'END_TIME', 'DEADLINE']

function activityOut(ctx: Ctx, a: Rec, select: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(a)) {
    if (k === 'BINDINGS') continue
    // attachments come back as {id, url} only (no names), like the portal's crm_activity_file links
    if (k === 'FILES') {
      out.FILES = list(v).map((_, i) => ({
        id: Number(a.id) * 100 + i + 1,
        url: `http://${ctx.ps.portal.domain}/bitrix/tools/crm_activity_file.php?activityId=${String(a.id)}&fileId=${Number(a.id) * 100 + i + 1}`,
      }))
      continue
    }
    if (k === 'id') out.ID = String(v)
    else if (DATE_FIELDS.includes(k)) out[k] = v ? isoAt(Number(v), ctx.zone) : ''
    else if (typeof v === 'number') out[k] = String(v)
    else out[k] = v
  }
  const sel = list(select).map(String)
  if (!sel.includes('COMMUNICATIONS')) delete out.COMMUNICATIONS
  return sel.length && !sel.includes('*')
    ? selectKeys(out, sel.filter((s) => s !== 'COMMUNICATIONS').concat(out.COMMUNICATIONS ? ['COMMUNICATIONS'] : []), [
        'ID',
      ])
    : out
}

type Binding = { OWNER_TYPE_ID: number; OWNER_ID: number }
const bindingsOf = (a: Rec): Binding[] =>
  Array.isArray(a.BINDINGS)
    ? (a.BINDINGS as Binding[])
    : [{ OWNER_TYPE_ID: Number(a.OWNER_TYPE_ID), OWNER_ID: Number(a.OWNER_ID) }]

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
  if (!add && list.length === 1)
    throw new RestError('ERROR_CORE', 'The last binding of an activity cannot be removed', 400)
  ctx.ps.activities.save({
    ...a,
    BINDINGS: add
      ? [...list, b]
      : list.filter((x) => x !== list.find((y) => y.OWNER_TYPE_ID === b.OWNER_TYPE_ID && y.OWNER_ID === b.OWNER_ID)),
  })
  return { result: true }
}

function activityList(ctx: Ctx, p: Params) {
  // OWNER_TYPE_ID + OWNER_ID select by binding: an activity bound to several items is listed for each
  const all = parseFilter(p.filter, (f) => f.toUpperCase())
  const plain = (f: string) =>
    all.find((c): c is { field: string; op: '='; value: unknown } => 'field' in c && c.field === f && c.op === '=')
  const ownerType = plain('OWNER_TYPE_ID')
  const ownerId = plain('OWNER_ID')
  const conds = ownerType && ownerId ? all.filter((c) => c !== ownerType && c !== ownerId) : all
  // date fields are kept as instants and compared as the portal shows them (ISO in the portal's zone)
  const field = (a: Rec, f: string) =>
    f === 'ID' ? a.id : DATE_FIELDS.includes(f) && a[f] ? isoAt(Number(a[f]), ctx.zone) : a[f]
  let rows = ctx.ps.activities
    .values()
    .filter(
      (a) =>
        matches(conds, (f) => field(a, f), ctx.zone) &&
        (!ownerType ||
          !ownerId ||
          bindingsOf(a).some(
            (b) => b.OWNER_TYPE_ID === Number(ownerType.value) && b.OWNER_ID === Number(ownerId.value),
          )),
    )
  rows = sortRows(
    rows,
    // api-reference/crm/timeline/activities/activity-base/crm-activity-list.md: default order START_TIME ascending
    p.order ?? { START_TIME: 'ASC', ID: 'ASC' },
    (r, f) => (f === 'ID' ? r.id : r[f]),
    (f) => f.toUpperCase(),
  )
  const pg = page(rows, startOf(p))
  return { result: pg.rows.map((a) => activityOut(ctx, a, p.select)), total: pg.total, next: pg.next }
}

export const timelineMethods: MethodTable = {
  ...timelineCommentMethods,
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
    handler: (ctx, p) => ({
      result: bindingsOf(activityById(ctx, p, 'activityId', 'ACTIVITY_ID')).map((b) => ({
        entityTypeId: b.OWNER_TYPE_ID,
        entityId: b.OWNER_ID,
      })),
    }),
  },
  'crm.activity.delete': {
    scope: 'crm',
    write: true,
    handler: (ctx, p) => {
      if (!ctx.ps.activities.remove(reqInt(p, 'id', 'ID'))) throw notFound('Activity not found')
      return { result: true }
    },
  },
}
