// "/start <code>": links the chat to the portal user the one-time code was issued to.
import type { TelegramHandler } from './telegram-handlers.ts'
import { approvalPorts } from '../use-cases/approval-ports.ts'
import { linkTelegramChat } from '../use-cases/link-approval-telegram.ts'

export const telegramStartCommand: TelegramHandler = async (ctx, update) => {
  const ports = approvalPorts(ctx)
  const code = update.text?.split(/\s+/)[1] ?? ''
  const linked = code ? await linkTelegramChat(ports, code, update.chatId) : null
  await ports.telegram.sendMessage(update.chatId, linked
    ? 'Готово: этот чат привязан к вашему пользователю Битрикс24. Сюда будут приходить заявки на согласование. / Linked: approval requests will come here.'
    : 'Код не подошёл или устарел: получите новый код на вкладке «Согласование». / The code is wrong or expired: get a new one in the Approval tab.')
}
