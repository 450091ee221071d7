// "/start <code>": links the chat to the portal user the one-time code was issued to; "/start cp_<token>"
// (a counterparty's deep link) binds the chat to that counterparty for the reminders.
import type { TelegramHandler } from './telegram-handler.ts'
import { approvalPorts } from '../../use-cases/approvals/approval-ports.ts'
import { linkTelegramChat } from '../../use-cases/approvals/link-approval-telegram.ts'
import { bindCounterpartyChat, isCounterpartyToken } from '../../use-cases/dunning/counterparty-telegram-link.ts'

export const telegramStartCommand: TelegramHandler = async (ctx, update) => {
  const ports = approvalPorts(ctx)
  const code = update.text?.split(/\s+/)[1] ?? ''
  if (isCounterpartyToken(code)) {
    const { answer } = await bindCounterpartyChat(ports, code, update.chatId)
    await ports.telegram.sendMessage(update.chatId, answer)
    return
  }
  const linked = code ? await linkTelegramChat(ports, code, update.chatId) : null
  await ports.telegram.sendMessage(
    update.chatId,
    linked
      ? 'Готово: этот чат привязан к вашему пользователю Битрикс24. Сюда будут приходить заявки на согласование. / Linked: approval requests will come here.'
      : 'Код не подошёл или устарел: получите новый код на вкладке «Согласование». / The code is wrong or expired: get a new one in the Approval tab.',
  )
}
