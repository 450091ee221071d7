import type { AppContext } from '../../context.ts'
import type { InboundEvent } from '../../bitrix24/inbound/parse-event.ts'
import { eventHandlers } from '../../events/index.ts'
import type { JobContext } from '../queue.ts'
import { eventLag, eventsHandled } from '../../lib/metrics.ts'

/** Events of one entity collapse while one of them waits to start (every handler re-reads the entity),
 * and an event that comes while its entity's job runs queues the next one. */
export const eventHandleJob = {
  name: 'event-handle',
  retryLimit: 10,
  retryDelay: 5,
  expireInSeconds: 300,
  policy: 'short' as const,
}

/** The durable half of a portal event: the HTTP route only verified and enqueued it. */
export function createEventHandle(ctx: AppContext) {
  return async (job: JobContext<InboundEvent>) => {
    const handler = eventHandlers[job.data.event]
    if (!handler) {
      ctx.log.debug({ event: job.data.event }, 'event.unhandled')
      eventsHandled.inc({ event: job.data.event, result: 'ignored' })
      return
    }
    try {
      await handler(ctx, job.data)
    } catch (e) {
      eventsHandled.inc({ event: job.data.event, result: 'failed' })
      throw e
    }
    eventsHandled.inc({ event: job.data.event, result: 'ok' })
    const ts = Number(job.data.ts)
    // the portal's ts is in seconds; the app clock follows the portal's
    if (job.data.ts && Number.isFinite(ts) && ts > 0)
      eventLag.observe({ event: job.data.event }, Math.max(0, ctx.clock.now().getTime() / 1000 - ts))
  }
}
