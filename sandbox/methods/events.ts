// event.bind|get|unbind and event.offline.get|clear|list|error (reference 7.1, 7.4).
import { RestError } from '../rest/errors.ts'
import { parseFilter, matches } from '../rest/filter.ts'
import { sortRows, startOf, page } from '../rest/paging.ts'
import { isoAt } from '../util/time.ts'
import { randomHex } from '../util/ids.ts'
import { isTrue, list, obj } from './common.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

export const KNOWN_EVENTS = [
  'ONAPPINSTALL',
  'ONAPPUNINSTALL',
  'ONAPPUPDATE',
  'ONOFFLINEEVENT',
  'ONCRMDYNAMICITEMADD',
  'ONCRMDYNAMICITEMUPDATE',
  'ONCRMDYNAMICITEMDELETE',
  // api-reference/crm/deals/events/on-crm-deal-add.md, on-crm-deal-update.md, on-crm-deal-delete.md
  'ONCRMDEALADD',
  'ONCRMDEALUPDATE',
  'ONCRMDEALDELETE',
  'ONCRMCOMPANYADD',
  'ONCRMCOMPANYUPDATE',
  'ONCRMCOMPANYDELETE',
  'ONCRMCONTACTADD',
  'ONCRMCONTACTUPDATE',
  'ONCRMCONTACTDELETE',
  'ONTASKADD',
  'ONTASKUPDATE',
  'ONTASKDELETE',
  'ONCRMTIMELINECOMMENTADD',
  'ONCRMACTIVITYADD',
  'ONUSERADD',
]

const known = (e: string) => KNOWN_EVENTS.includes(e) || /^ONCRMDYNAMICITEM(ADD|UPDATE|DELETE)_\d+$/.test(e)

function bind(ctx: Ctx, p: Params) {
  const event = String(p.event ?? p.EVENT ?? '').toUpperCase()
  const offline = String(p.event_type ?? p.EVENT_TYPE ?? 'online').toLowerCase() === 'offline'
  const handler = offline ? '' : String(p.handler ?? p.HANDLER ?? '')
  const authType = Number(p.auth_type ?? p.AUTH_TYPE ?? 0)
  if (!known(event)) throw new RestError('ERROR_EVENT_NOT_FOUND', 'Event not found', 400)
  if (offline && !ctx.user.isAdmin)
    throw new RestError('ACCESS_DENIED', 'Offline events are available for administrators only', 403)
  if (authType && authType !== ctx.user.id && !ctx.user.isAdmin)
    throw new RestError('ACCESS_DENIED', 'Access denied', 403)
  if (!offline && !/^https?:\/\//.test(handler))
    throw new RestError('ERROR_HANDLER_URL', 'Handler URL must be a http(s) URL', 400)
  const connector = String(p.auth_connector ?? '')
  const dup = ctx.ps.bindings.find(
    (b) =>
      b.appId === ctx.app?.id &&
      b.event === event &&
      b.handler === handler &&
      Number(b.authType) === authType &&
      Boolean(b.offline) === offline &&
      b.authConnector === connector,
  )
  if (dup) throw new RestError('', 'Handler already binded', 400)
  ctx.ps.bindings.insert({
    appId: ctx.app?.id,
    event,
    handler,
    authType,
    offline,
    authConnector: connector,
    options: obj(p.options),
    userId: ctx.user.id,
  })
  return { result: true }
}

function unbind(ctx: Ctx, p: Params) {
  const event = String(p.event ?? p.EVENT ?? '').toUpperCase()
  const offline = String(p.event_type ?? 'online').toLowerCase() === 'offline'
  const handler = p.handler ?? p.HANDLER
  const authType = p.auth_type ?? p.AUTH_TYPE
  let count = 0
  for (const b of ctx.ps.bindings.filter(
    (b) => b.appId === ctx.app?.id && b.event === event && Boolean(b.offline) === offline,
  )) {
    if (handler !== undefined && b.handler !== String(handler)) continue
    if (authType !== undefined && Number(b.authType) !== Number(authType)) continue
    ctx.ps.bindings.remove(b.id)
    count++
  }
  return { result: { count } }
}

function offlineOut(ctx: Ctx, o: Rec, full = false): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ID: String(o.id),
    TIMESTAMP_X: isoAt(Number(o.TIMESTAMP_X), ctx.zone),
    EVENT_NAME: o.EVENT_NAME,
    EVENT_DATA: o.EVENT_DATA,
    EVENT_ADDITIONAL: o.EVENT_ADDITIONAL,
    MESSAGE_ID: o.MESSAGE_ID,
  }
  if (full) Object.assign(out, { PROCESS_ID: o.processId ?? '', ERROR: String(o.error ?? 0) })
  return out
}

function offlineRows(ctx: Ctx, p: Params): Rec[] {
  const conn = String(p.auth_connector ?? '')
  return ctx.ps.offline.filter((o) => o.appId === ctx.app?.id && o.connector === conn)
}

function offlineGet(ctx: Ctx, p: Params) {
  const clear = p.clear === undefined ? true : isTrue(p.clear)
  const wantError = isTrue(p.error)
  const limit = Math.min(1000, Math.max(1, Number(p.limit ?? 50)))
  const conds = parseFilter(p.filter, (f) => f.toUpperCase())
  let rows = offlineRows(ctx, p).filter((o) => !o.processId && Boolean(o.error) === wantError)
  rows = rows.filter((o) => matches(conds, (f) => (f === 'ID' ? o.id : o[f]), ctx.zone))
  rows = sortRows(
    rows,
    p.order ?? { TIMESTAMP_X: 'ASC', ID: 'ASC' },
    (r, f) => (f === 'ID' ? r.id : r[f]),
    (f) => f.toUpperCase(),
  ).slice(0, limit)
  const processId = String(p.process_id ?? randomHex(16))
  const events = rows.map((o) => offlineOut(ctx, o))
  for (const o of rows) {
    if (clear) ctx.ps.offline.remove(o.id)
    else ctx.ps.offline.save({ ...o, processId })
  }
  return { result: { process_id: clear ? null : processId, events } }
}

function offlineClear(ctx: Ctx, p: Params) {
  const pid = String(p.process_id ?? '')
  const ids = list(p.id).map(String)
  const mids = list(p.message_id).map(String)
  for (const o of offlineRows(ctx, p).filter((o) => o.processId === pid)) {
    if ((ids.length && !ids.includes(String(o.id))) || (mids.length && !mids.includes(String(o.MESSAGE_ID)))) continue
    ctx.ps.offline.remove(o.id)
  }
  return { result: true }
}

export const eventMethods: MethodTable = {
  'event.bind': { scope: null, appOnly: true, write: true, handler: bind },
  'event.unbind': { scope: null, appOnly: true, write: true, handler: unbind },
  'event.get': {
    scope: null,
    appOnly: true,
    handler: (ctx) => ({
      result: ctx.ps.bindings
        .filter((b) => b.appId === ctx.app?.id)
        .map((b) => ({
          event: b.event,
          handler: b.handler,
          auth_type: String(b.authType),
          offline: b.offline ? 1 : 0,
        })),
    }),
  },
  events: { scope: null, handler: () => ({ result: KNOWN_EVENTS }) },
  'event.offline.get': { scope: null, appOnly: true, admin: true, write: true, handler: offlineGet },
  'event.offline.clear': { scope: null, appOnly: true, admin: true, write: true, handler: offlineClear },
  'event.offline.error': {
    scope: null,
    appOnly: true,
    admin: true,
    write: true,
    handler: (ctx, p) => {
      const mids = list(p.message_id).map(String)
      for (const o of offlineRows(ctx, p).filter(
        (o) => o.processId === String(p.process_id ?? '') && mids.includes(String(o.MESSAGE_ID)),
      )) {
        ctx.ps.offline.save({ ...o, error: 1, processId: null })
      }
      return { result: true }
    },
  },
  'event.offline.list': {
    scope: null,
    appOnly: true,
    admin: true,
    handler: (ctx, p) => {
      const conds = parseFilter(p.filter, (f) => f.toUpperCase())
      let rows = offlineRows(ctx, p)
        .map((o) => offlineOut(ctx, o, true))
        .filter((o) => matches(conds, (f) => o[f], ctx.zone))
      rows = sortRows(
        rows,
        p.order ?? { ID: 'ASC' },
        (r, f) => (f === 'ID' ? Number(r.ID) : r[f]),
        (f) => f.toUpperCase(),
      )
      const pg = page(rows, startOf(p))
      return { result: pg.rows, total: pg.total, next: pg.next }
    },
  },
}
