// What the app does with Telegram updates: handlers by callback-data prefix ("ap:" approvals ...)
// and by command ("/start <code>" links an account). Features register theirs here.
import type { AppContext } from '../context.ts'
import type { TelegramUpdate } from './telegram-update.ts'

export type TelegramHandler = (ctx: AppContext, update: TelegramUpdate) => Promise<void>

export const telegramCallbackHandlers: Record<string, TelegramHandler> = {}
export const telegramCommandHandlers: Record<string, TelegramHandler> = {}

export function telegramHandlerFor(update: TelegramUpdate): TelegramHandler | null {
  if (update.callback) return telegramCallbackHandlers[update.callback.data.split(':')[0]] ?? null
  const command = update.text?.startsWith('/') ? update.text.split(/\s+/)[0].slice(1).toLowerCase() : null
  return command ? telegramCommandHandlers[command] ?? null : null
}
