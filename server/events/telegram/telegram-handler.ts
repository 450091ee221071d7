// What a Telegram update handler is: one parsed update in, use-cases called, nothing returned.
import type { AppDeps } from '../../use-cases/app-deps.ts'
import type { TelegramUpdate } from '../../channels/telegram-update.ts'

export type TelegramHandler = (ctx: AppDeps, update: TelegramUpdate) => Promise<void>
