import { afterEach, describe, expect, it } from 'vitest'
import nock from 'nock'
import { createTelegramClient } from './telegram-client.ts'

const api = 'https://api.telegram.test'
afterEach(() => nock.cleanAll())

describe('Telegram client', () => {
  it('sends a message with inline buttons and returns the message id', async () => {
    let body: Record<string, unknown> = {}
    nock(api)
      .post('/bot123:abc/sendMessage', (b) => {
        body = b
        return true
      })
      .reply(200, { ok: true, result: { message_id: 77 } })
    const tg = createTelegramClient({ botToken: '123:abc', apiBase: api })
    const r = await tg.sendMessage(555, 'Approve payment #12?', [
      [
        { text: 'Approve', callbackData: 'ap:12:approve' },
        { text: 'Reject', callbackData: 'ap:12:reject' },
      ],
    ])
    expect(r).toEqual({ delivered: true, messageId: 77, reason: null })
    expect(body).toMatchObject({
      chat_id: 555,
      text: 'Approve payment #12?',
      reply_markup: {
        inline_keyboard: [
          [
            { text: 'Approve', callback_data: 'ap:12:approve' },
            { text: 'Reject', callback_data: 'ap:12:reject' },
          ],
        ],
      },
    })
  })

  it('reports why a message was not delivered', async () => {
    nock(api)
      .post('/bot123:abc/sendMessage')
      .reply(403, { ok: false, description: 'Forbidden: bot was blocked by the user' })
    const r = await createTelegramClient({ botToken: '123:abc', apiBase: api }).sendMessage(1, 'x')
    expect(r).toEqual({ delivered: false, messageId: null, reason: 'Forbidden: bot was blocked by the user' })
  })

  it('says so when no bot token is configured, without calling anyone', async () => {
    const r = await createTelegramClient({ botToken: null, apiBase: api }).sendMessage(1, 'x')
    expect(r.delivered).toBe(false)
    expect(r.reason).toMatch(/TELEGRAM_BOT_TOKEN/)
  })
})
