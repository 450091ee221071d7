// Sends a Telegram message to a portal user (the chat they linked with the bot) or to a chat id.
// The text comes with the document's field values already put in by the business process.
import { defineRobot } from '../kit/define-robot.ts'
import { RobotError } from '../kit/types.ts'
import { effectKeys } from '../../server/use-cases/effect-keys.ts'
import { dunningPorts } from '../../server/use-cases/dunning/dunning-ports.ts'
import { writeOnce } from '../../server/use-cases/dunning/dunning-write-once.ts'

const TRANSIENT = /unreachable|Too Many|Bad Gateway|Gateway Timeout|Internal Server|HTTP 5/i
class TransientTelegram extends Error {}

export default defineRobot({
  code: 'telegram-send',
  name: { ru: 'Отправить в Telegram', en: 'Send to Telegram' },
  description: {
    ru: 'Сообщение в Telegram сотруднику (чат, привязанный к боту) или в чат по его id; в тексте можно использовать поля документа',
    en: "A Telegram message to an employee (the chat linked to the bot) or to a chat id; the text may use the document's fields",
  },
  documents: ['receivables', 'claims', 'approvals', 'deal', 'company', 'contact'],
  properties: {
    user: { name: { ru: 'Сотрудник', en: 'Employee' }, type: 'user' },
    chatId: { name: { ru: 'Или id чата Telegram', en: 'Or Telegram chat id' }, type: 'string' },
    text: { name: { ru: 'Текст', en: 'Text' }, type: 'text', required: true },
  },
  returnProperties: {
    delivered: { name: { ru: 'Доставлено', en: 'Delivered' }, type: 'bool' },
    reason: { name: { ru: 'Причина недоставки', en: 'Why not delivered' }, type: 'string' },
  },
  async run(input) {
    const p = input.properties
    const text = String(p.text).trim()
    if (!text) throw new RobotError('robot.missing-property', 'The message text is empty')
    const ports = dunningPorts(input.ctx)
    let chat: string | null = null
    if (p.chatId !== null && String(p.chatId).trim()) {
      chat = String(p.chatId).trim()
      if (!/^-?\d{1,20}$/.test(chat) && !/^@[A-Za-z0-9_]{5,32}$/.test(chat))
        throw new RobotError(
          'robot.bad-property',
          `"chatId" must be a numeric chat id or @channel, got "${chat.slice(0, 40)}"`,
        )
    } else if (p.user !== null) {
      const userId = Number(p.user)
      if (!Number.isSafeInteger(userId) || userId <= 0)
        throw new RobotError('robot.bad-property', `"user" must be a portal user, got "${String(p.user).slice(0, 40)}"`)
      const linked =
        (await ports.repo.employeeChat(input.memberId, userId)) ?? (await ports.approvalChatOf(input.memberId, userId))
      if (!linked)
        return {
          values: {
            delivered: false,
            reason: `User ${userId} has not linked Telegram (the bot's /start link in the app)`,
          },
          log: `User ${userId} has no Telegram chat`,
        }
      chat = String(linked)
    } else {
      throw new RobotError('robot.missing-property', 'Give the recipient: an employee or a chat id')
    }
    const key = effectKeys.robotEffect(input.memberId, input.eventToken, 'telegram')
    try {
      await writeOnce(ports.effects, input.memberId, key, {
        write: async () => {
          const r = await ports.telegram.sendMessage(chat!, text)
          if (!r.delivered)
            throw TRANSIENT.test(r.reason ?? '')
              ? new TransientTelegram(r.reason ?? '')
              : new RobotError('telegram.refused', r.reason ?? 'not delivered')
          return { messageId: r.messageId }
        },
        notDone: (e) => e instanceof TransientTelegram || e instanceof RobotError,
      })
    } catch (e) {
      if (e instanceof RobotError)
        return { values: { delivered: false, reason: e.message }, log: `Telegram refused: ${e.message}` }
      throw e
    }
    return { values: { delivered: true, reason: '' }, log: `Sent to Telegram chat ${chat}` }
  },
})
