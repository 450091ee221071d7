// Telegram through the real webhook route (secret header, replay-safe job) and the real Bot API
// client, intercepted with nock: linking with a one-time code, Approve, Reject with the reason as
// the next message, an unlinked chat, and a forged webhook that changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import nock from 'nock'
import { approvalHarness, U, type Harness } from './harness.ts'
import { COST, ETID, F } from './fake-portal.ts'
import { createTelegramUpdate } from '../../../server/jobs/tasks/telegram-update.ts'
import type { TelegramUpdate } from '../../../server/channels/telegram-update.ts'

let h: Harness
const bot: { method: string; body: Record<string, unknown> }[] = []
const SECRET = 'tg-secret-approvals'
const CHAT = { head: 7001, finance: 7002, stranger: 7003 }
let updateId = 5000

beforeAll(async () => {
  h = await approvalHarness({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_SECRET: SECRET })
  nock.disableNetConnect()
  // nock 15 hands the reply function the fetch Request (one parameter; two would mean callback style)
  nock('https://api.telegram.org').persist().post(/^\/bot123:abc\/\w+$/).reply(200, async (req: Request) => {
    bot.push({ method: new URL(req.url).pathname.split('/').pop()!, body: await req.json() as Record<string, unknown> })
    return { ok: true, result: { message_id: 900 + bot.length } }
  })
})
afterEach(() => { bot.length = 0 })
afterAll(async () => { nock.cleanAll(); nock.enableNetConnect(); await h.dispose() })

const webhook = (payload: object, secret: string | null = SECRET) => h.t.app.inject({
  method: 'POST', url: '/telegram/webhook', payload, headers: secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret },
})
const message = (chat: number, text: string) => ({ update_id: ++updateId, message: { message_id: 1, from: { id: chat }, chat: { id: chat }, text } })
const press = (chat: number, data: string) => ({ update_id: ++updateId, callback_query: { id: `cq${updateId}`, from: { id: chat }, message: { message_id: 31, chat: { id: chat } }, data } })
/** The worker's half: runs the queued telegram-update jobs with the real handler. */
async function work(): Promise<void> {
  const handler = createTelegramUpdate(h.t.ctx)
  for (const j of await h.t.ctx.queue.boss.fetch<TelegramUpdate>('telegram-update', { batchSize: 20 })) {
    await handler({ id: j.id, name: 'telegram-update', data: j.data, retryCount: 0 })
    await h.t.ctx.queue.boss.complete('telegram-update', j.id)
  }
}
async function link(user: number, chat: number): Promise<void> {
  const code = await h.api('POST', '/approvals/telegram/link-code', user)
  expect(code.statusCode).toBe(201)
  expect((await webhook(message(chat, code.json().command))).statusCode).toBe(200)
  await work()
}
const request = { [F.counterparty]: ['CO_3'], [F.amount]: '9900|RUB', [F.costItem]: COST.it, [F.initiator]: U.initiator, [F.invoiceFile]: { id: 4 } }
async function newRequest(): Promise<{ itemId: number; approvalId: number }> {
  h.clock.now = new Date()
  const itemId = h.portal.userEdit(U.initiator, null, request)
  await h.itemEvent(itemId)
  await h.drain()
  return { itemId, approvalId: (await h.api('GET', `/approvals/item/${ETID}/${itemId}`, U.head)).json().id }
}

describe('Telegram', () => {
  it('links an account once with the code from the tab; a wrong or reused code does not', async () => {
    const code = (await h.api('POST', '/approvals/telegram/link-code', U.head)).json()
    expect(code.command).toMatch(/^\/start [A-Z2-9]{10}$/)
    await webhook(message(CHAT.head, code.command))
    await work()
    expect(bot).toEqual([expect.objectContaining({ method: 'sendMessage', body: expect.objectContaining({ chat_id: CHAT.head, text: expect.stringContaining('Готово') }) })])
    expect((await h.api('GET', '/approvals/telegram/link', U.head)).json()).toEqual({ linked: true })
    bot.length = 0
    await webhook(message(CHAT.stranger, code.command))
    await webhook(message(CHAT.stranger, '/start WRONGCODE1'))
    await work()
    expect(bot.map((b) => String(b.body.text))).toEqual([expect.stringContaining('Код не подошёл'), expect.stringContaining('Код не подошёл')])
    expect((await h.ports().telegramLinks.userOfChat(CHAT.stranger))).toBeNull()
  })

  it('the approver gets the request with Approve / Reject; pressing Approve decides it in the portal', async () => {
    const { itemId, approvalId } = await newRequest()
    const sent = h.sent.find((s) => s.chatId === CHAT.head && s.text.includes(`Request ${itemId}`))!
    expect(sent.buttons).toEqual([`ap:a:${approvalId}:1:0`, `ap:r:${approvalId}:1:0`])
    expect((await webhook(press(CHAT.head, sent.buttons[0]))).statusCode).toBe(200)
    await work()
    expect(bot.map((b) => b.method)).toEqual(['answerCallbackQuery', 'editMessageReplyMarkup'])
    expect(bot[0].body.text).toContain('Согласовано')
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('FINANCE_REVIEW')
    const v = (await h.api('GET', `/approvals/${approvalId}`, U.head)).json()
    expect(v.steps[0]).toMatchObject({ status: 'approved', decidedBy: U.head, substitute: false })
    expect(v.audit[0]).toMatchObject({ action: 'approval.approved', source: 'telegram' })
    // pressing the same button again: already decided, nothing changes
    bot.length = 0
    await webhook(press(CHAT.head, sent.buttons[0]))
    await work()
    expect(bot[0].body.text).toContain('уже принято')
  })

  it('Reject asks for the reason; the next message is the reason; the request is Rejected with it', async () => {
    await link(U.finance, CHAT.finance)
    const { itemId, approvalId } = await newRequest()
    await h.api('POST', `/approvals/${approvalId}/decision`, U.head, { round: 1, stepIndex: 0, decision: 'approve' })
    await h.drain()
    const sent = h.sent.find((s) => s.chatId === CHAT.finance && s.text.includes(`Request ${itemId}`))!
    bot.length = 0
    await webhook(press(CHAT.finance, sent.buttons[1]))
    await work()
    expect(bot.map((b) => b.method)).toEqual(['answerCallbackQuery', 'sendMessage'])
    expect(String(bot[1].body.text)).toContain('причину')
    expect(h.portal.stageOf(itemId)).toBe('FINANCE_REVIEW')
    await webhook(message(CHAT.finance, 'Нет закрывающих документов'))
    await work()
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('FAIL')
    expect(h.portal.items.get(itemId)![F.rejectionReason]).toBe('Нет закрывающих документов')
    expect(h.portal.notificationsTo(U.initiator).at(-1)).toContain('Причина: Нет закрывающих документов')
  })

  it('the escalation reaches the operations manager in Telegram; their Approve is a substitute approval', async () => {
    const OPS_CHAT = 7004
    await link(U.ops, OPS_CHAT)
    const { itemId, approvalId } = await newRequest()
    await h.advanceTo(new Date(h.clock.now.getTime() + 14 * 86400_000).toISOString())
    const sent = h.sent.find((s) => s.chatId === OPS_CHAT && s.text.includes(`Request ${itemId}`))!
    expect(sent.text).toContain('вы можете согласовать её вместо него')
    expect(sent.buttons[0]).toBe(`ap:a:${approvalId}:1:0`)
    await webhook(press(OPS_CHAT, sent.buttons[0]))
    await work()
    await h.drain()
    expect(h.portal.stageOf(itemId)).toBe('FINANCE_REVIEW')
    const v = (await h.api('GET', `/approvals/${approvalId}`, U.ops)).json()
    expect(v.steps[0]).toMatchObject({ status: 'approved', decidedBy: U.ops, substitute: true, slaStatus: 'escalated' })
  })

  it('a forged webhook (no or wrong secret) and a press from an unlinked chat change nothing', async () => {
    const { itemId, approvalId } = await newRequest()
    const before = await h.ports().approvals.get(h.portal.memberId, approvalId)
    expect((await webhook(press(CHAT.head, `ap:a:${approvalId}:1:0`), null)).statusCode).toBe(401)
    expect((await webhook(press(CHAT.head, `ap:a:${approvalId}:1:0`), 'guess')).statusCode).toBe(401)
    await webhook(press(CHAT.stranger, `ap:a:${approvalId}:1:0`))
    await work()
    expect(bot).toEqual([expect.objectContaining({ method: 'answerCallbackQuery', body: expect.objectContaining({ text: expect.stringContaining('Привяжите') }) })])
    const after = await h.ports().approvals.get(h.portal.memberId, approvalId)
    expect(after!.version).toBe(before!.version)
    expect(h.portal.stageOf(itemId)).toBe('HEAD_APPROVAL')
  })
})
