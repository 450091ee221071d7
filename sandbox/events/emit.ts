// Event fan-out (reference 7.2, 7.4): online bindings get a form POST, offline bindings a queue row.
import { authBlock, issuePair, type Pair } from '../oauth/tokens.ts'
import type { Runtime } from '../runtime.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { App, Installation, Rec } from '../state/types.ts'

const TASK_EVENTS = new Set(['ONTASKADD', 'ONTASKUPDATE', 'ONTASKDELETE'])
const pairCache = new WeakMap<Runtime, Map<string, Pair>>()

/** A token pair for (portal, app, user), reused until it expires (the portal hands the app fresh tokens). */
export function eventPair(rt: Runtime, ps: PortalState, appId: number, userId: number): Pair {
  let cache = pairCache.get(rt)
  if (!cache) pairCache.set(rt, (cache = new Map()))
  const key = `${ps.portal.id}:${appId}:${userId}`
  const hit = cache.get(key)
  if (hit && hit.access.expiresAt > rt.world.clock.now() + 60_000 && rt.world.token(hit.access.value)) return hit
  const pair = issuePair(rt.world, ps.portal.id, appId, userId)
  cache.set(key, pair)
  return pair
}

export function eventBody(
  rt: Runtime,
  ps: PortalState,
  app: App,
  inst: Installation,
  event: string,
  data: unknown,
  handlerId: number | null,
  userId: number | null,
): Record<string, unknown> {
  const pair = userId === null ? null : eventPair(rt, ps, app.id, userId)
  const body: Record<string, unknown> = { event }
  if (handlerId !== null) body.event_handler_id = String(handlerId)
  body.data = data
  body.ts = String(rt.world.clock.nowSec())
  body.auth = authBlock(rt.world, rt.endpoints, ps, app, inst.applicationToken, pair)
  return body
}

function objectKey(event: string, data: Record<string, unknown>): string {
  const f = (data.FIELDS ?? data.FIELDS_AFTER ?? data.FIELDS_BEFORE ?? {}) as Record<string, unknown>
  return `${event}:${String(f.ENTITY_TYPE_ID ?? '')}:${String(f.ID ?? '')}`
}

export function emitEvent(
  rt: Runtime,
  ps: PortalState,
  event: string,
  data: Record<string, unknown>,
  userId: number | null,
  connector = '',
): void {
  const etid = (data.FIELDS as Record<string, unknown> | undefined)?.ENTITY_TYPE_ID
  const names = new Set([event, ...(etid ? [`${event}_${String(etid)}`] : [])])
  for (const inst of ps.installs.values()) {
    if (!inst.installed || !inst.finished) continue
    const app = rt.world.apps.get(inst.appId)
    if (!app) continue
    for (const b of ps.bindings.values()) {
      if (b.appId !== app.id || !names.has(String(b.event))) continue
      if (b.offline) {
        if (!connector || String(b.authConnector ?? '') !== connector) queueOffline(rt, ps, app, b, event, data, userId)
      } else {
        // a change made by automation / a business process arrives without tokens (api-reference/events/index.md)
        const authUser = userId === null ? null : Number(b.authType) > 0 ? Number(b.authType) : userId
        const body = eventBody(rt, ps, app, inst, event, data, TASK_EVENTS.has(event) ? null : b.id, authUser)
        void rt.deliveries.post(ps.portal.id, 'event', event, String(b.handler), body)
      }
    }
  }
}

function queueOffline(
  rt: Runtime,
  ps: PortalState,
  app: App,
  b: Rec,
  event: string,
  data: Record<string, unknown>,
  userId: number | null,
): void {
  const key = objectKey(event, data)
  const conn = String(b.authConnector ?? '')
  const existing = ps.offline.find(
    (o) => o.appId === app.id && o.objectKey === key && o.connector === conn && !o.processId,
  )
  const row = {
    appId: app.id,
    objectKey: key,
    connector: conn,
    processId: null,
    error: 0,
    TIMESTAMP_X: rt.world.clock.now(),
    EVENT_NAME: event,
    EVENT_DATA: data,
    EVENT_ADDITIONAL: { user_id: userId === null ? '' : String(userId) },
    MESSAGE_ID: Math.random().toString(16).slice(2, 18),
  }
  if (existing) ps.offline.save({ ...existing, ...row })
  else ps.offline.insert(row)
}
