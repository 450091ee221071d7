// Telegram through the real webhook route (secret header, replay-safe job run by the worker) and
// the real Bot API client, with only the Bot API intercepted by nock: linking with a one-time
// code, the request with Approve / Reject, Reject with the reason as the next message, the
// escalation reaching the operations manager, an unlinked chat, and a forged webhook.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import nock from 'nock'
import { approvalWorld, waitFor, type ApprovalWorld } from './world.ts'

let w: ApprovalWorld
type BotCall = { method: string; body: Record<string, unknown> }
const bot: BotCall[] = []
/** Every message the bot sent (not cleared between tests): chat, text and the buttons' callback data. */
const sent: { chatId: number; text: string; buttons: string[] }[] = []
const SECRET = 'tg-secret-approvals'
const CHAT = { head: 7001, finance: 7002, stranger: 7003 }
let updateId = 5000

beforeAll(async () => {
  nock.disableNetConnect()
  nock.enableNetConnect((host) => !host.includes('api.telegram.org'))
  // nock 15 hands the reply function the fetch Request (one parameter; two would mean callback style)
  nock('https://api.telegram.org')
    .persist()
    .post(/^\/bot123:abc\/\w+$/)
    .reply(200, async (req: Request) => {
      const call = {
        method: new URL(req.url).pathname.split('/').pop()!,
        body: (await req.json()) as Record<string, unknown>,
      }
      bot.push(call)
      if (call.method === 'sendMessage') {
        const keyboard =
          (call.body.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined)
            ?.inline_keyboard ?? []
        sent.push({
          chatId: Number(call.body.chat_id),
          text: String(call.body.text),
          buttons: keyboard.flat().map((b) => b.callback_data),
        })
      }
      return { ok: true, result: { message_id: 900 + bot.length } }
    })
  w = await approvalWorld({ env: { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_SECRET: SECRET } })
}, 60_000)
afterEach(() => {
  bot.length = 0
})
afterAll(async () => {
  await w?.close()
  nock.cleanAll()
  nock.enableNetConnect()
}, 60_000)

const webhook = (payload: object, secret: string | null = SECRET) =>
  w.app.inject({
    method: 'POST',
    url: '/telegram/webhook',
    payload,
    headers: secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret },
  })
const message = (chat: number, text: string) => ({
  update_id: ++updateId,
  message: { message_id: 1, from: { id: chat }, chat: { id: chat }, text },
})
const press = (chat: number, data: string) => ({
  update_id: ++updateId,
  callback_query: { id: `cq${updateId}`, from: { id: chat }, message: { message_id: 31, chat: { id: chat } }, data },
})
async function link(user: number, chat: number): Promise<void> {
  const code = await w.api('POST', '/approvals/telegram/link-code', user)
  expect(code.statusCode).toBe(201)
  expect((await webhook(message(chat, code.json().command))).statusCode).toBe(200)
  await w.settle()
}
async function newRequest(): Promise<{ itemId: number; approvalId: number; title: string }> {
  const itemId = await w.save(w.U.initiator, null, {
    counterparty: `CO_${w.companyId}`,
    amount: '9900|RUB',
    costItem: 'it',
    initiator: w.U.initiator,
    invoiceFile: { id: 4, url: '/f/4' },
  })
  await waitFor('Head approval', () => w.stageOf(itemId) === 'HEAD_APPROVAL')
  await w.settle()
  return { itemId, approvalId: (await w.record(itemId)).id, title: String(w.item(itemId).title) }
}
const sentTo = (chat: number, title: string) => sent.find((s) => s.chatId === chat && s.text.includes(title))!

describe('Telegram', () => {
  it('links an account once with the code from the tab; a wrong or reused code does not', async () => {
    const code = (await w.api('POST', '/approvals/telegram/link-code', w.U.head)).json()
    expect(code.command).toMatch(/^\/start [A-Z2-9]{10}$/)
    await webhook(message(CHAT.head, code.command))
    await w.settle()
    expect(bot).toEqual([
      expect.objectContaining({
        method: 'sendMessage',
        body: expect.objectContaining({ chat_id: CHAT.head, text: expect.stringContaining('Готово') }),
      }),
    ])
    expect((await w.api('GET', '/approvals/telegram/link', w.U.head)).json()).toEqual({ linked: true })
    bot.length = 0
    await webhook(message(CHAT.stranger, code.command))
    await webhook(message(CHAT.stranger, '/start WRONGCODE1'))
    await w.settle()
    expect(bot.map((b) => String(b.body.text))).toEqual([
      expect.stringContaining('Код не подошёл'),
      expect.stringContaining('Код не подошёл'),
    ])
    expect(await w.ports().telegramLinks.userOfChat(CHAT.stranger)).toBeNull()
  })

  it('the approver gets the request with Approve / Reject; pressing Approve decides it in the portal', async () => {
    const { itemId, approvalId, title } = await newRequest()
    const msg = sentTo(CHAT.head, title)
    expect(msg.buttons).toEqual([`ap:a:${approvalId}:1:0`, `ap:r:${approvalId}:1:0`])
    bot.length = 0
    expect((await webhook(press(CHAT.head, msg.buttons[0]))).statusCode).toBe(200)
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    expect(bot.map((b) => b.method)).toEqual(['answerCallbackQuery', 'editMessageReplyMarkup'])
    expect(bot[0].body.text).toContain('Согласовано')
    const v = (await w.api('GET', `/approvals/${approvalId}`, w.U.head)).json()
    expect(v.steps[0]).toMatchObject({ status: 'approved', decidedBy: w.U.head, substitute: false })
    expect(v.audit[0]).toMatchObject({ action: 'approval.approved', source: 'telegram' })
    // pressing the same button again: already decided, nothing changes
    bot.length = 0
    await webhook(press(CHAT.head, msg.buttons[0]))
    await w.settle()
    expect(bot[0].body.text).toContain('уже принято')
  })

  it('Reject asks for the reason; the next message is the reason; the request is Rejected with it', async () => {
    await link(w.U.finance, CHAT.finance)
    const { itemId, approvalId, title } = await newRequest()
    await w.api('POST', `/approvals/${approvalId}/decision`, w.U.head, { round: 1, stepIndex: 0, decision: 'approve' })
    await waitFor('the finance message', () => sentTo(CHAT.finance, title))
    await w.settle()
    const msg = sentTo(CHAT.finance, title)
    bot.length = 0
    await webhook(press(CHAT.finance, msg.buttons[1]))
    await w.settle()
    expect(bot.map((b) => b.method)).toEqual(['answerCallbackQuery', 'sendMessage'])
    expect(String(bot[1].body.text)).toContain('причину')
    expect(w.stageOf(itemId)).toBe('FINANCE_REVIEW')
    await webhook(message(CHAT.finance, 'Нет закрывающих документов'))
    await waitFor('Rejected', () => w.stageOf(itemId) === 'FAIL')
    await w.settle()
    expect(w.item(itemId)[w.F('rejectionReason')]).toBe('Нет закрывающих документов')
    expect(w.notificationsTo(w.U.initiator, title).at(-1)).toContain('Причина: Нет закрывающих документов')
  })

  it('the escalation reaches the operations manager in Telegram; their Approve is a substitute approval', async () => {
    const OPS_CHAT = 7004
    await link(w.U.ops, OPS_CHAT)
    const { itemId, approvalId, title } = await newRequest()
    await w.advanceTo(new Date(Date.now() + 14 * 86_400_000).toISOString(), approvalId)
    const msg = await waitFor('the escalation message', () => sentTo(OPS_CHAT, title))
    expect(msg.text).toContain('вы можете согласовать её вместо него')
    expect(msg.buttons[0]).toBe(`ap:a:${approvalId}:1:0`)
    await webhook(press(OPS_CHAT, msg.buttons[0]))
    await waitFor('Finance review', () => w.stageOf(itemId) === 'FINANCE_REVIEW')
    await w.settle()
    const v = (await w.api('GET', `/approvals/${approvalId}`, w.U.ops)).json()
    expect(v.steps[0]).toMatchObject({
      status: 'approved',
      decidedBy: w.U.ops,
      substitute: true,
      slaStatus: 'escalated',
    })
  })

  it('a forged webhook (no or wrong secret) and a press from an unlinked chat change nothing', async () => {
    const { itemId, approvalId } = await newRequest()
    const before = await w.ports().approvals.get(w.M, approvalId)
    bot.length = 0
    expect((await webhook(press(CHAT.head, `ap:a:${approvalId}:1:0`), null)).statusCode).toBe(401)
    expect((await webhook(press(CHAT.head, `ap:a:${approvalId}:1:0`), 'guess')).statusCode).toBe(401)
    await webhook(press(CHAT.stranger, `ap:a:${approvalId}:1:0`))
    await w.settle()
    expect(bot).toEqual([
      expect.objectContaining({
        method: 'answerCallbackQuery',
        body: expect.objectContaining({ text: expect.stringContaining('Привяжите') }),
      }),
    ])
    const after = await w.ports().approvals.get(w.M, approvalId)
    expect(after!.version).toBe(before!.version)
    expect(w.stageOf(itemId)).toBe('HEAD_APPROVAL')
  })
})
