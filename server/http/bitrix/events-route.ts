import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.ts'
import { parseEvent, type InboundEvent } from '../../bitrix24/inbound/parse-event.ts'
import { verifyApplicationToken } from '../../bitrix24/inbound/verify.ts'
import { InboundError } from '../../bitrix24/inbound/inbound-error.ts'
import { jobKeys } from '../../use-cases/effect-keys.ts'
import { eventsAcknowledged, eventsReceived } from '../../lib/metrics.ts'

export type QueuedEvent = Omit<InboundEvent, 'auth'> & {
  auth: Pick<InboundEvent['auth'], 'memberId' | 'domain' | 'userId'>
}

/** The identifier of the entity an event is about, for the job key ('-' when it names none). */
export function eventEntityId(e: InboundEvent): string {
  const f = (e.data.FIELDS ?? e.data.FIELDS_AFTER) as Record<string, unknown> | undefined
  const id = f && typeof f === 'object' ? (f.ID ?? f.id) : undefined
  if (typeof id !== 'string') return '-'
  // smart-process item ids repeat across types: item 2 of Receivables is not item 2 of Approvals
  const type = f?.ENTITY_TYPE_ID ?? f?.entityTypeId
  return typeof type === 'string' && /^\d+$/.test(type) ? `${type}_${id}` : id
}

/** Tokens never go into the queue: jobs use the portal's stored tokens. */
function toQueued(e: InboundEvent): QueuedEvent {
  return { ...e, auth: { memberId: e.auth.memberId, domain: e.auth.domain, userId: e.auth.userId } }
}

export async function eventsRoute(
  app: FastifyInstance,
  ctx: AppContext & { onAppInstall?: (e: InboundEvent) => Promise<void> },
) {
  app.post('/bitrix/events', { bodyLimit: 256 * 1024 }, async (req) => {
    const evt = parseEvent(req.body)
    if (evt.event === 'ONAPPINSTALL') {
      eventsReceived.inc({ event: evt.event })
      if (!ctx.onAppInstall)
        throw new InboundError(
          503,
          'install.not-configured',
          'This app instance does not accept installs (no B24_CLIENT_ID / B24_CLIENT_SECRET)',
        )
      await ctx.onAppInstall(evt)
      ctx.portalLookup.invalidate(evt.auth.memberId)
      eventsAcknowledged.inc({ event: evt.event })
      return { ok: true }
    }
    // the event name is a label only once a portal's token vouched for it (no label per forged name)
    await verifyApplicationToken(ctx.portalLookup, evt.auth.memberId, evt.auth.applicationToken).catch((e) => {
      eventsReceived.inc({ event: 'unverified' })
      throw e
    })
    eventsReceived.inc({ event: evt.event })
    // events of one entity collapse while one waits (handlers re-read the entity); one that comes
    // while its entity's job runs is queued anew, so nothing a person changed meanwhile is lost.
    // An event without an entity id is never collapsed.
    const entity = eventEntityId(evt)
    await ctx.eventIntake.enqueue(toQueued(evt), {
      ...(entity !== '-' ? { key: jobKeys.eventHandle(evt.auth.memberId, evt.event, entity), collapse: true } : {}),
      memberId: evt.auth.memberId,
    })
    eventsAcknowledged.inc({ event: evt.event })
    return { ok: true }
  })
}
