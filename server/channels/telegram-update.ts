import { InboundError } from '../bitrix24/inbound/inbound-error.ts'

/** The parts of a Telegram update the app acts on. */
export interface TelegramUpdate {
  updateId: number
  fromId: number
  chatId: number
  text: string | null
  callback: { id: string; data: string; messageId: number | null } | null
}

const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null)

export function parseTelegramUpdate(body: unknown): TelegramUpdate {
  const u = obj(body)
  const updateId = int(u?.update_id)
  if (!u || updateId === null)
    throw new InboundError(400, 'telegram.malformed', 'Not a Telegram update (update_id missing)')
  const cq = obj(u.callback_query)
  if (cq) {
    const from = int(obj(cq.from)?.id)
    const msg = obj(cq.message)
    const chatId = int(obj(msg?.chat)?.id) ?? from
    if (
      from === null ||
      chatId === null ||
      typeof cq.id !== 'string' ||
      typeof cq.data !== 'string' ||
      cq.data.length > 64
    ) {
      throw new InboundError(400, 'telegram.malformed', 'Malformed callback_query')
    }
    return {
      updateId,
      fromId: from,
      chatId,
      text: null,
      callback: { id: cq.id, data: cq.data, messageId: int(msg?.message_id) },
    }
  }
  const m = obj(u.message)
  const from = int(obj(m?.from)?.id)
  const chatId = int(obj(m?.chat)?.id)
  if (!m || from === null || chatId === null) return { updateId, fromId: 0, chatId: 0, text: null, callback: null }
  return {
    updateId,
    fromId: from,
    chatId,
    text: typeof m.text === 'string' ? m.text.slice(0, 4096) : null,
    callback: null,
  }
}
