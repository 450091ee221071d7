// Telegram Bot API (third-party HTTP). Tests intercept it with nock.
export interface InlineButton {
  text: string
  callbackData: string
}

export interface TelegramSendResult {
  delivered: boolean
  messageId: number | null
  reason: string | null
}

export interface TelegramClient {
  sendMessage(chatId: string | number, text: string, buttons?: InlineButton[][]): Promise<TelegramSendResult>
  answerCallback(callbackQueryId: string, text: string): Promise<void>
  clearButtons(chatId: string | number, messageId: number): Promise<void>
  getMe(): Promise<{ ok: boolean; username: string | null; reason: string | null }>
  /** A picture (PNG) with a caption: the payment QR code of a reminder. */
  sendPhoto?(chatId: string | number, png: Buffer, fileName: string, caption: string): Promise<TelegramSendResult>
}

const MAX_CAPTION = 1024

const MAX_TEXT = 4096

export function createTelegramClient(opts: {
  botToken: string | null
  apiBase: string
  timeoutMs?: number
}): TelegramClient {
  const call = async (
    method: string,
    body: object | FormData,
  ): Promise<{ ok: boolean; result?: unknown; description?: string; status: number }> => {
    if (!opts.botToken)
      return { ok: false, description: 'Telegram is not configured (TELEGRAM_BOT_TOKEN is empty)', status: 0 }
    try {
      const multipart = body instanceof FormData
      const res = await fetch(`${opts.apiBase}/bot${opts.botToken}/${method}`, {
        method: 'POST',
        ...(multipart ? { body } : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      })
      const json = (await res.json().catch(() => ({}))) as { ok?: boolean; result?: unknown; description?: string }
      return { ok: Boolean(json.ok), result: json.result, description: json.description, status: res.status }
    } catch (e) {
      return { ok: false, description: `Telegram unreachable: ${(e as Error).message}`, status: 0 }
    }
  }
  return {
    async sendMessage(chatId, text, buttons) {
      const r = await call('sendMessage', {
        chat_id: chatId,
        text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text,
        disable_web_page_preview: true,
        ...(buttons
          ? {
              reply_markup: {
                inline_keyboard: buttons.map((row) =>
                  row.map((b) => ({ text: b.text, callback_data: b.callbackData.slice(0, 64) })),
                ),
              },
            }
          : {}),
      })
      const messageId = r.ok ? ((r.result as { message_id?: number })?.message_id ?? null) : null
      return { delivered: r.ok, messageId, reason: r.ok ? null : (r.description ?? `HTTP ${r.status}`) }
    },
    async sendPhoto(chatId, png, fileName, caption) {
      // Bot API sendPhoto: a new file goes as multipart/form-data
      const form = new FormData()
      form.set('chat_id', String(chatId))
      form.set('caption', caption.length > MAX_CAPTION ? `${caption.slice(0, MAX_CAPTION - 1)}…` : caption)
      form.set('photo', new Blob([new Uint8Array(png)], { type: 'image/png' }), fileName)
      const r = await call('sendPhoto', form)
      const messageId = r.ok ? ((r.result as { message_id?: number })?.message_id ?? null) : null
      return { delivered: r.ok, messageId, reason: r.ok ? null : (r.description ?? `HTTP ${r.status}`) }
    },
    async answerCallback(id, text) {
      await call('answerCallbackQuery', { callback_query_id: id, text: text.slice(0, 200) })
    },
    async clearButtons(chatId, messageId) {
      await call('editMessageReplyMarkup', {
        chat_id: chatId,
        message_id: messageId,
        reply_markup: { inline_keyboard: [] },
      })
    },
    async getMe() {
      const r = await call('getMe', {})
      return {
        ok: r.ok,
        username: r.ok ? ((r.result as { username?: string })?.username ?? null) : null,
        reason: r.ok ? null : (r.description ?? `HTTP ${r.status}`),
      }
    },
  }
}
