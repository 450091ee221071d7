import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context.ts'
import { InboundError } from '../bitrix24/inbound/inbound-error.ts'
import { safeEqual } from '../lib/safe-equal.ts'
import { parseTelegramUpdate } from '../channels/telegram-update.ts'
import { jobKeys } from '../use-cases/effect-keys.ts'
import { telegramUpdateJob } from '../jobs/tasks/telegram-update.ts'

/** POST /telegram/webhook: verified by the secret-token header; a replayed update_id is enqueued once. */
export async function telegramRoute(app: FastifyInstance, ctx: AppContext) {
  app.post('/telegram/webhook', { bodyLimit: 64 * 1024 }, async (req) => {
    const secret = ctx.config.telegram.webhookSecret
    const given = req.headers['x-telegram-bot-api-secret-token']
    if (!secret)
      throw new InboundError(
        503,
        'telegram.not-configured',
        'The Telegram webhook is not configured (TELEGRAM_WEBHOOK_SECRET)',
      )
    if (typeof given !== 'string' || !safeEqual(given, secret))
      throw new InboundError(401, 'telegram.bad-secret', 'Missing or wrong X-Telegram-Bot-Api-Secret-Token')
    const update = parseTelegramUpdate(req.body)
    await ctx.queue.send(telegramUpdateJob.name, update, { key: jobKeys.telegramUpdate(update.updateId) })
    return { ok: true }
  })
}
