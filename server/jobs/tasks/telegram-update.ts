import type { AppContext } from '../../context.ts'
import type { TelegramUpdate } from '../../channels/telegram-update.ts'
import { telegramHandlerFor } from '../../events/telegram/telegram-handlers.ts'
import type { JobContext } from '../queue.ts'

export const telegramUpdateJob = { name: 'telegram-update', retryLimit: 5, retryDelay: 5 }

export function createTelegramUpdate(ctx: AppContext) {
  return async (job: JobContext<TelegramUpdate>) => {
    const handler = telegramHandlerFor(job.data)
    if (!handler) {
      ctx.log.debug({ updateId: job.data.updateId }, 'telegram.update.unhandled')
      return
    }
    await handler(ctx, job.data)
  }
}
