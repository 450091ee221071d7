// Event bindings and placements: ours are those whose handler is on our host; desired ones are
// bound, stale ones (another path or an old base URL of ours) unbound. Foreign ones are left alone.
import { eventBindings } from '../manifest.ts'
import { tabManifests } from '../../placement-ui/src/tabs/manifests.ts'
import { operate, type ReconcileCtx } from '../reconcile-context.ts'

type EventRow = { event: string; handler: string }
type PlacementRow = { placement: string; handler: string; title?: string }

const isOurs = (handler: string, ourHosts: string[]) => {
  try {
    return ourHosts.includes(new URL(handler).host)
  } catch {
    return false
  }
}

export async function reconcileEvents(rc: ReconcileCtx, previousBase: string | null): Promise<void> {
  const have = await rc.client.call<EventRow[]>('event.get', {})
  const hosts = [new URL(rc.baseUrl).host, ...(previousBase ? [new URL(previousBase).host] : [])]
  const desired = eventBindings.map((e) => ({ event: e.event, handler: `${rc.baseUrl}${e.handlerPath}` }))
  const key = (e: EventRow) => `${e.event.toUpperCase()}|${e.handler}`
  const desiredKeys = new Set(desired.map(key))
  const haveKeys = new Set(have.map(key))
  for (const e of have) {
    if (isOurs(e.handler, hosts) && !desiredKeys.has(key(e))) {
      await operate(rc, { kind: 'event', action: 'delete', target: e.event, detail: e.handler }, () =>
        rc.client.call('event.unbind', { event: e.event, handler: e.handler }),
      )
    }
  }
  for (const e of desired) {
    if (!haveKeys.has(key(e)))
      await operate(rc, { kind: 'event', action: 'create', target: e.event, detail: e.handler }, () =>
        rc.client.call('event.bind', e, { idempotent: false }),
      )
  }
  rc.state.eventHandlers = desired.map((e) => e.event)
}

export function desiredPlacements(rc: ReconcileCtx): { placement: string; handler: string; title: string }[] {
  const out: { placement: string; handler: string; title: string }[] = []
  for (const tab of tabManifests) {
    for (const p of tab.placements) {
      const etid = p.process ? rc.state.processes[p.process]?.entityTypeId : undefined
      const code = p.code ?? (etid ? `CRM_DYNAMIC_${etid}_DETAIL_TAB` : null)
      if (code) out.push({ placement: code, handler: `${rc.baseUrl}${tab.handlerPath}`, title: tab.title[rc.lang] })
    }
  }
  return out
}

export async function reconcilePlacements(rc: ReconcileCtx, previousBase: string | null): Promise<void> {
  const have = await rc.client.call<PlacementRow[]>('placement.get', {})
  const hosts = [new URL(rc.baseUrl).host, ...(previousBase ? [new URL(previousBase).host] : [])]
  const desired = desiredPlacements(rc)
  const key = (p: { placement: string; handler: string }) => `${p.placement}|${p.handler}`
  const desiredKeys = new Set(desired.map(key))
  for (const p of have) {
    if (isOurs(p.handler, hosts) && !desiredKeys.has(key(p))) {
      await operate(rc, { kind: 'placement', action: 'delete', target: p.placement, detail: p.handler }, () =>
        rc.client.call('placement.unbind', { PLACEMENT: p.placement, HANDLER: p.handler }),
      )
    }
  }
  for (const p of desired) {
    const row = have.find((h) => key(h) === key(p))
    if (!row) {
      await operate(rc, { kind: 'placement', action: 'create', target: p.placement, detail: p.handler }, () =>
        rc.client.call(
          'placement.bind',
          { PLACEMENT: p.placement, HANDLER: p.handler, TITLE: p.title },
          { idempotent: false },
        ),
      )
    }
  }
  rc.state.placements = desired.map((p) => p.placement)
}
