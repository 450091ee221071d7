import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext } from '../../helpers/app.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
beforeAll(async () => {
  t = await createTestContext({ TELEGRAM_WEBHOOK_SECRET: 'tg-secret-1' })
})
afterAll(async () => t.dispose())

const update = (id: number) => ({
  update_id: id,
  callback_query: { id: 'cq1', from: { id: 42 }, message: { message_id: 9, chat: { id: 42 } }, data: 'ap:15:approve' },
})
const jobs = async () => (await t.ctx.queue.boss.findJobs('telegram-update', { queued: true })).length

describe('POST /telegram/webhook', () => {
  it('accepts a verified update once, even when Telegram replays it', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/telegram/webhook',
        headers: { 'x-telegram-bot-api-secret-token': 'tg-secret-1' },
        payload: update(1001),
      })
      expect(r.statusCode).toBe(200)
    }
    expect(await jobs()).toBe(1)
  })

  it.each([
    ['without the secret header', {}, update(1002), 401],
    ['with a wrong secret', { 'x-telegram-bot-api-secret-token': 'guess' }, update(1003), 401],
    ['with a malformed update', { 'x-telegram-bot-api-secret-token': 'tg-secret-1' }, { hello: 1 }, 400],
    [
      'with oversized callback data',
      { 'x-telegram-bot-api-secret-token': 'tg-secret-1' },
      { update_id: 5, callback_query: { id: 'x', from: { id: 1 }, data: 'x'.repeat(100) } },
      400,
    ],
  ])('refuses an update %s and changes nothing', async (_n, headers, payload, status) => {
    const before = await jobs()
    const r = await t.app.inject({ method: 'POST', url: '/telegram/webhook', headers, payload })
    expect(r.statusCode).toBe(status)
    expect(await jobs()).toBe(before)
  })
})
