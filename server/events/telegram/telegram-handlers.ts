// What the app does with Telegram updates: handlers by callback-data prefix ("ap:" approvals ...)
// and by command ("/start <code>" links an account). Features register theirs here.
import type { TelegramUpdate } from '../../channels/telegram-update.ts'
import type { TelegramHandler } from './telegram-handler.ts'
import { approvalCallback, approvalReasonText } from './telegram-approvals.ts'
import { telegramStartCommand } from './telegram-link.ts'

export const telegramCallbackHandlers: Record<string, TelegramHandler> = { ap: approvalCallback }
export const telegramCommandHandlers: Record<string, TelegramHandler> = { start: telegramStartCommand }
/** Plain text (not a command): e.g. the reason a rejection asked for. */
export const telegramTextHandlers: TelegramHandler[] = [approvalReasonText]

export function telegramHandlerFor(update: TelegramUpdate): TelegramHandler | null {
  if (update.callback) return telegramCallbackHandlers[update.callback.data.split(':')[0]] ?? null
  const command = update.text?.startsWith('/') ? update.text.split(/\s+/)[0].slice(1).toLowerCase() : null
  if (command) return telegramCommandHandlers[command] ?? null
  if (!update.text) return null
  return async (ctx, u) => {
    for (const h of telegramTextHandlers) await h(ctx, u)
  }
}
