import type { AppContext } from '../../context.ts'
import type { InboundEvent } from '../../bitrix24/inbound/parse-event.ts'
import { eventHandlers } from '../../events/index.ts'
import type { JobContext } from '../queue.ts'

export const eventHandleJob = { name: 'event-handle', retryLimit: 10, retryDelay: 5, expireInSeconds: 300 }

/** The durable half of a portal event: the HTTP route only verified and enqueued it. */
export function createEventHandle(ctx: AppContext) {
  return async (job: JobContext<InboundEvent>) => {
    const handler = eventHandlers[job.data.event]
    if (!handler) {
      ctx.log.debug({ event: job.data.event }, 'event.unhandled')
      return
    }
    await handler(ctx, job.data)
  }
}
