// A counterparty's Telegram chat joins by a one-time deep link: the tab asks for the link, the client
// opens it and the bot gets "/start cp_<token>" through the real webhook route and job; the chat is
// bound once and the reminders go there. A token used twice, expired or made up gets a clear answer
// in the chat and changes nothing. Only the Bot API is intercepted (nock); the portal is the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import nock from 'nock'
import { addDays, localDateOf } from '../../../server/domain/calendar/index.ts'
import { createTelegramUpdate } from '../../../server/jobs/tasks/telegram-update.ts'
import type { TelegramUpdate } from '../../../server/channels/telegram-update.ts'
import { SUITE_NOW } from '../../helpers/clock.ts'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'

let t: Awaited<ReturnType<typeof connectSandboxApp>>
let M = ''
let CO = 0
let CP = 0 // the counterparty's ledger id
let RID = 0 // its overdue invoice
let clerk = 0
const SECRET = 'tg-secret-cp'
const sent: { chatId: string; text: string }[] = []
let botUp = true
let firstToken = '' // the link chat 4242 joined by
let updateId = 7000
const tokenOfClerk = () => t.sb.admin.issueTokens(t.portalId, t.sbApp.id, clerk) as { access_token: string }
const H = () => ({ authorization: `Bearer ${tokenOfClerk().access_token}`, 'x-b24-member-id': M })
const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api${url}`, headers: H(), ...(payload ? { payload } : {}) })
const cpRow = () =>
  t.ctx.database.db
    .selectFrom('dunning_counterparties')
    .selectAll()
    .where('member_id', '=', M)
    .where('counterparty_id', '=', CP)
    .executeTakeFirst()
const tokens = () => t.ctx.database.db.selectFrom('counterparty_telegram_tokens').selectAll().execute()

/** "/start <payload>" from a private chat: through the webhook (secret header), then the queued job. */
async function start(chat: number, payload: string): Promise<string> {
  const before = sent.length
  const update = {
    update_id: ++updateId,
    message: { message_id: 1, from: { id: chat }, chat: { id: chat, type: 'private' }, text: `/start ${payload}` },
  }
  const r = await t.app.inject({
    method: 'POST',
    url: '/telegram/webhook',
    payload: update,
    headers: { 'x-telegram-bot-api-secret-token': SECRET },
  })
  expect(r.statusCode).toBe(200)
  const jobs = await t.ctx.queue.boss.findJobs<TelegramUpdate>('telegram-update', { queued: true })
  const job = jobs.find((j) => j.data.updateId === updateId)!
  await createTelegramUpdate(t.ctx)({ id: job.id, name: job.name, data: job.data, retryCount: 0 })
  expect(sent.length).toBe(before + 1)
  expect(sent.at(-1)!.chatId).toBe(String(chat))
  return sent.at(-1)!.text
}
const linkFor = async () => {
  const r = await api('POST', `/dunning/counterparties/company/${CO}/telegram-link`, {})
  expect(r.statusCode).toBe(201)
  return r.json() as { url: string; expiresAt: string; validUntil: string }
}
const tokenOf = (url: string) => new URL(url).searchParams.get('start')!

beforeAll(async () => {
  nock.disableNetConnect()
  nock.enableNetConnect((host) => !host.includes('api.telegram.org'))
  nock('https://api.telegram.org')
    .persist()
    .post(/^\/bot555:cp\/\w+$/)
    .reply(200, async (req: Request) => {
      const method = new URL(req.url).pathname.split('/').pop()!
      const body = (await req.json().catch(() => ({}))) as Record<string, unknown>
      if (method === 'getMe')
        return botUp ? { ok: true, result: { id: 555, is_bot: true, username: 'rc_pay_bot' } } : { ok: false }
      if (method === 'sendMessage') sent.push({ chatId: String(body.chat_id), text: String(body.text) })
      return { ok: true, result: { message_id: 100 + sent.length } }
    })
  t = await connectSandboxApp({ env: { TELEGRAM_BOT_TOKEN: '555:cp', TELEGRAM_WEBHOOK_SECRET: SECRET } })
  M = t.memberId
  CO = t.sb.admin.seedCompany(t.portalId, { TITLE: 'ООО Ромашка' })
  clerk = t.sb.admin.addUser(t.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
  const db = t.ctx.database.db
  const cp = await db
    .insertInto('counterparties')
    .values({ member_id: M, entity_type: 'company', entity_id: CO, name: 'ООО Ромашка', inn: null, kpp: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  CP = Number(cp.id)
  const due = addDays(localDateOf('Europe/Moscow', Date.parse(SUITE_NOW)), -5)
  const rec = await db
    .insertInto('receivables')
    .values({
      member_id: M,
      counterparty_id: CP,
      item_id: null,
      invoice_number: 'T-1',
      invoice_date: addDays(due, -30),
      due_date: due,
      effective_due_date: due,
      amount: 10_000_00,
      stage: 'OVERDUE',
      responsible_id: clerk,
      created_by: 'test',
      created_source: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  RID = Number(rec.id)
}, 60_000)
afterAll(async () => {
  await t?.close()
  nock.cleanAll()
  nock.enableNetConnect()
}, 30_000)

describe('a counterparty joins Telegram by a one-time link', () => {
  it('the tab reads the settings: in the ledger, no chat yet, the ladders to choose from', async () => {
    const r = await api('GET', `/dunning/counterparties/company/${CO}/settings`)
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({
      inLedger: true,
      riskSegment: null,
      doNotDun: false,
      telegram: { linked: false, linkedOn: null },
      ladders: ['standard', 'soft'],
    })
    const other = t.sb.admin.seedCompany(t.portalId, { TITLE: 'Без счетов' })
    expect((await api('GET', `/dunning/counterparties/company/${other}/settings`)).json()).toMatchObject({
      inLedger: false,
    })
    const refused = await api('POST', `/dunning/counterparties/company/${other}/telegram-link`, {})
    expect(refused.statusCode).toBe(404)
    expect(refused.json()).toMatchObject({ error: 'dunning.not-found', params: { rule: 'counterparty' } })
  })

  it('issues a link for 7 days, keeps only its hash, and /start binds the chat once', async () => {
    const link = await linkFor()
    expect(link.url).toMatch(/^https:\/\/t\.me\/rc_pay_bot\?start=cp_[A-Za-z0-9_-]{24}$/)
    expect(Date.parse(link.expiresAt) - t.sb.admin.clock().now()).toBeGreaterThan(7 * 86_400_000 - 60_000)
    expect(link.validUntil).toBe('16.12.2026')
    const token = tokenOf(link.url)
    firstToken = token
    expect((await tokens()).map((r) => r.token_hash)).not.toContain(token)

    expect(await start(4242, token)).toBe('Готово: этот чат подключён к напоминаниям об оплате счетов «ООО Ромашка».')
    expect(await cpRow()).toMatchObject({ telegram_chat_id: '4242' })
    const read = (await api('GET', `/dunning/counterparties/company/${CO}/settings`)).json()
    expect(read.telegram).toEqual({ linked: true, linkedOn: '2026-12-09' })
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('member_id', '=', M)
      .where('action', '=', 'dunning.telegram-linked')
      .execute()
    expect(audit).toHaveLength(1)

    // the reminders go to that chat now
    const now = await api('POST', `/dunning/receivables/${RID}/send-now`, {
      requestId: 'req-tg-000001',
      channels: ['telegram'],
    })
    expect(now.statusCode).toBe(200)
    expect(now.json().sent).toEqual(['telegram'])
    expect(sent.at(-1)).toMatchObject({ chatId: '4242', text: expect.stringContaining('T-1') })

    // the same chat again (a replayed /start): the same answer, nothing new
    expect(await start(4242, token)).toContain('Готово')
    // another chat with the used link: refused, the counterparty keeps its chat
    expect(await start(5151, token)).toBe(
      'Эта ссылка уже использована, чат не изменён. Попросите у вашего менеджера новую ссылку.',
    )
    expect(await cpRow()).toMatchObject({ telegram_chat_id: '4242' })
    expect(
      await t.ctx.database.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'dunning.telegram-linked')
        .execute(),
    ).toHaveLength(1)
  })

  it('an expired or made-up link is answered in the chat and changes nothing', async () => {
    const token = tokenOf((await linkFor()).url)
    t.sb.admin.clock().advance(7 * 86_400_000 + 60_000)
    expect(await start(6161, token)).toBe(
      'Срок действия ссылки истёк (7 дней), чат не изменён. Попросите у вашего менеджера новую ссылку.',
    )
    expect(await start(6161, 'cp_AAAAAAAAAAAAAAAAAAAAAAAA')).toBe(
      'Ссылка недействительна. Попросите у вашего менеджера новую ссылку. / This link is not valid. Ask your manager for a new one.',
    )
    expect(await cpRow()).toMatchObject({ telegram_chat_id: '4242' })
    expect((await tokens()).find((r) => r.used_chat_id === '6161')).toBeUndefined()
  })

  it('the tab unlinks by the settings route; a typed-in chat id or bad values are refused and change nothing', async () => {
    const url = `/dunning/counterparties/company/${CO}/settings`
    const bad = await api('POST', url, { riskSegment: 'extreme', doNotDun: true })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ error: 'dunning.invalid-input', params: { rule: 'risk-segment' } })
    expect((await api('POST', url, { lang: 'de' })).json().params.rule).toBe('lang')
    expect(await cpRow()).toMatchObject({ do_not_dun: false, risk_segment: null, telegram_chat_id: '4242' })
    expect((await api('POST', url, { telegramChatId: null, doNotDun: true })).statusCode).toBe(200)
    expect(await cpRow()).toMatchObject({ telegram_chat_id: null, telegram_linked_at: null, do_not_dun: true })
    // unlinked: the old link, even from the chat that used it, does not bind again
    expect(await start(4242, firstToken)).toBe(
      'Эта ссылка уже использована, чат не изменён. Попросите у вашего менеджера новую ссылку.',
    )
    expect(await cpRow()).toMatchObject({ telegram_chat_id: null })
  })

  it('without a working bot no link is made, with a clear 409', async () => {
    botUp = false
    const before = (await tokens()).length
    const r = await api('POST', `/dunning/counterparties/company/${CO}/telegram-link`, {})
    botUp = true
    expect(r.statusCode).toBe(409)
    expect(r.json().error).toBe('dunning.telegram-unavailable')
    expect(await tokens()).toHaveLength(before)
  })
})
