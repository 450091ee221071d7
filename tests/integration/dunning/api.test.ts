// /api/dunning over a real database, the app connected to a sandbox portal (real user tokens, the
// production portal client): the collection plan of a counterparty, pause / promise / skip / send
// now, template preview and settings; bad input answers a clear 4xx and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, localDateOf } from '../../../server/domain/calendar/index.ts'
import { SUITE_NOW } from '../../helpers/clock.ts'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'

let t: Awaited<ReturnType<typeof connectSandboxApp>>
let M = ''
let CO = 0 // the debtor company in the portal
let clerk = 0 // a manager (not an admin)
let userId = 0 // who calls the API in a test: the manager, or the portal admin (user 1)
const H = () => ({
  authorization: `Bearer ${(t.sb.admin.issueTokens(t.portalId, t.sbApp.id, userId) as { access_token: string }).access_token}`,
  'x-b24-member-id': M,
})
const today = localDateOf('Europe/Moscow', Date.parse(SUITE_NOW)) // the app's clock starts there
let rid = 0
const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: H(), payload: payload as object })
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: H() })
const state = async () =>
  t.ctx.database.db.selectFrom('dunning_receivables').selectAll().where('receivable_id', '=', rid).executeTakeFirst()
const plan = async () => (await get(`/api/dunning/counterparties/company/${CO}/plan`)).json()
const mails = () =>
  t.sb.admin
    .activities(t.portalId)
    .filter((a) => Number(a.OWNER_TYPE_ID) === 4 && Number(a.OWNER_ID) === CO && Number(a.TYPE_ID) === 4)

beforeAll(async () => {
  t = await connectSandboxApp()
  M = t.memberId
  CO = t.sb.admin.seedCompany(t.portalId, {
    TITLE: 'ООО Ромашка',
    EMAIL: [{ VALUE: 'buh@romashka.test', VALUE_TYPE: 'WORK' }],
  })
  clerk = t.sb.admin.addUser(t.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
  userId = clerk
  const db = t.ctx.database.db
  const cp = await db
    .insertInto('counterparties')
    .values({
      member_id: M,
      entity_type: 'company',
      entity_id: CO,
      name: 'ООО Ромашка',
      inn: null,
      kpp: null,
      email: 'buh@romashka.test',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const due = addDays(today, -20)
  const r = await db
    .insertInto('receivables')
    .values({
      member_id: M,
      counterparty_id: Number(cp.id),
      item_id: null,
      invoice_number: 'A-1',
      invoice_date: addDays(due, -30),
      due_date: due,
      effective_due_date: due,
      amount: 50_000_00,
      stage: 'OVERDUE',
      responsible_id: clerk,
      created_by: 'test',
      created_source: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  rid = Number(r.id)
})
// the sandbox first: its event deliveries in flight would hold the app's close
afterAll(async () => {
  await t.close()
}, 30_000)

describe('dunning API', () => {
  it('the collection plan lists each open receivable with its steps, escalations and state', async () => {
    const p = await plan()
    // 20 days overdue: the header never says "ok" while an invoice is overdue
    expect(p.counterparty).toMatchObject({ name: 'ООО Ромашка', status: 'overdue' })
    const r = p.receivables[0]
    expect(r).toMatchObject({
      receivableId: rid,
      invoiceNumber: 'A-1',
      remaining: 50_000_00,
      daysOverdue: 20,
      block: null,
      riskSegment: 'normal',
    })
    expect(r.steps.map((s: { key: string }) => s.key)).toEqual(
      expect.arrayContaining(['r.before-5', 'r.due-day', 'r.after-10', 'e.esc-1', 'e.esc-3']),
    )
    expect(r.steps.filter((s: { status: string }) => s.status === 'missed').length).toBeGreaterThan(0)
    expect((await get('/api/dunning/counterparties/company/999/plan')).json()).toMatchObject({
      counterparty: null,
      receivables: [],
    })
    expect((await get(`/api/dunning/counterparties/deal/${CO}/plan`)).statusCode).toBe(400)
  })

  it('pause: a past date or no reason is a 400 and changes nothing; then it pauses and ends', async () => {
    const bad = await post(`/api/dunning/receivables/${rid}/pause`, { until: addDays(today, -1), reason: 'x' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toBe('dunning.invalid-input')
    expect((await post(`/api/dunning/receivables/${rid}/pause`, { until: addDays(today, 5) })).statusCode).toBe(400)
    expect(await state()).toBeUndefined()
    expect(
      (await post(`/api/dunning/receivables/${rid}/pause`, { until: addDays(today, 5), reason: 'dispute on delivery' }))
        .statusCode,
    ).toBe(200)
    expect((await plan()).receivables[0]).toMatchObject({
      block: 'paused',
      pause: { until: addDays(today, 5), reason: 'dispute on delivery' },
    })
    expect((await post(`/api/dunning/receivables/${rid}/pause`, { until: null })).statusCode).toBe(200)
    expect((await plan()).receivables[0].block).toBeNull()
  })

  it('promise: more than the debt is a 400; a valid promise pauses dunning until its date', async () => {
    expect(
      (await post(`/api/dunning/receivables/${rid}/promise`, { date: addDays(today, 3), amount: 60_000_00 }))
        .statusCode,
    ).toBe(400)
    expect((await post(`/api/dunning/receivables/${rid}/promise`, { date: 'tomorrow', amount: 1 })).statusCode).toBe(
      400,
    )
    expect((await state())?.promised_date ?? null).toBeNull()
    expect(
      (await post(`/api/dunning/receivables/${rid}/promise`, { date: addDays(today, 3), amount: 20_000_00 }))
        .statusCode,
    ).toBe(200)
    expect((await plan()).receivables[0]).toMatchObject({
      block: 'promise',
      promise: { date: addDays(today, 3), amount: 20_000_00, status: 'pending' },
    })
    expect((await post(`/api/dunning/receivables/${rid}/promise`, { date: null })).statusCode).toBe(200)
  })

  it('skip: an unknown step is a 400, a second skip a 409', async () => {
    expect((await post(`/api/dunning/receivables/${rid}/skip`, { stepKey: 'r.nope' })).statusCode).toBe(400)
    expect((await post(`/api/dunning/receivables/${rid}/skip`, { stepKey: 'e.esc-3' })).statusCode).toBe(200)
    expect((await post(`/api/dunning/receivables/${rid}/skip`, { stepKey: 'e.esc-3' })).statusCode).toBe(409)
    const step = (await plan()).receivables[0].steps.find((s: { key: string }) => s.key === 'e.esc-3')
    expect(step.status).toBe('skipped')
  })

  it('send now: the edited text goes out once per request id', async () => {
    expect((await post(`/api/dunning/receivables/${rid}/send-now`, { requestId: 'x' })).statusCode).toBe(400)
    expect(
      (await post(`/api/dunning/receivables/${rid}/send-now`, { requestId: 'req-00000001', channels: ['fax'] }))
        .statusCode,
    ).toBe(400)
    expect(mails()).toHaveLength(0)
    const r = await post(`/api/dunning/receivables/${rid}/send-now`, {
      requestId: 'req-00000001',
      body: 'Please pay today',
    })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ sent: ['email'], body: 'Please pay today' })
    expect(
      (await post(`/api/dunning/receivables/${rid}/send-now`, { requestId: 'req-00000001', body: 'Please pay today' }))
        .statusCode,
    ).toBe(200)
    expect(mails()).toHaveLength(1)
    expect(mails()[0]).toMatchObject({ DIRECTION: 2, COMPLETED: 'Y', DESCRIPTION: 'Please pay today' })
    expect(
      t.sb.admin
        .outbox(t.portalId)
        .filter((m) => m.body === 'Please pay today')
        .map((m) => m.to),
    ).toEqual(['buh@romashka.test'])
    expect((await plan()).receivables[0].manual).toHaveLength(1)
    expect((await post('/api/dunning/receivables/99999/send-now', { requestId: 'req-00000002' })).statusCode).toBe(404)
    // a channel the counterparty has no address for: a code the page shows in the portal's language
    const tg = await post(`/api/dunning/receivables/${rid}/send-now`, {
      requestId: 'req-00000003',
      channels: ['telegram'],
    })
    expect(tg.statusCode, tg.body).toBe(200)
    expect(tg.json()).toMatchObject({ sent: [], failed: { telegram: { code: 'dunning.send.no-telegram-chat' } } })
  })

  it('counterparty and receivable settings: risk segment, do not dun, overrides; bad values are a 400', async () => {
    const cpUrl = `/api/dunning/counterparties/company/${CO}/settings`
    expect((await post(cpUrl, { timezone: 'Mars/Olympus' })).statusCode).toBe(400)
    expect((await post(cpUrl, { riskSegment: 'extreme' })).statusCode).toBe(400)
    // a company the user cannot see in the CRM (here: none such) is a 403; one without invoices, a 404
    expect((await post('/api/dunning/counterparties/company/999/settings', { riskSegment: 'high' })).statusCode).toBe(
      403,
    )
    const noLedger = t.sb.admin.seedCompany(t.portalId, { TITLE: 'Без счетов' })
    expect(
      (await post(`/api/dunning/counterparties/company/${noLedger}/settings`, { riskSegment: 'high' })).statusCode,
    ).toBe(404)
    expect(
      (await post(cpUrl, { riskSegment: 'high', telegramChatId: '123456', timezone: 'Asia/Vladivostok', lang: 'en' }))
        .statusCode,
    ).toBe(200)
    expect((await plan()).receivables[0].riskSegment).toBe('high')
    expect((await post(`/api/dunning/receivables/${rid}/settings`, { override: { ladder: 'nope' } })).statusCode).toBe(
      400,
    )
    expect(
      (
        await post(`/api/dunning/receivables/${rid}/settings`, {
          override: { escalation: [{ id: 'x', daysOverdue: -1, tasks: [] }] },
        })
      ).statusCode,
    ).toBe(400)
    expect(
      (await post(`/api/dunning/receivables/${rid}/settings`, { override: { riskSegment: 'low', ladder: 'soft' } }))
        .statusCode,
    ).toBe(200)
    expect((await plan()).receivables[0]).toMatchObject({ riskSegment: 'low', ladderId: 'soft' })
    expect((await post(`/api/dunning/receivables/${rid}/settings`, { doNotDun: true })).statusCode).toBe(200)
    expect((await plan()).receivables[0].block).toBe('do-not-dun')
    expect(
      (await post(`/api/dunning/receivables/${rid}/settings`, { doNotDun: false, override: null })).statusCode,
    ).toBe(200)
    expect((await plan()).receivables[0]).toMatchObject({ block: null, riskSegment: 'high' })
  })

  it('template preview renders variables; an unknown variable is a 400', async () => {
    const r = await post('/api/dunning/templates/preview', { templateId: 'overdue', lang: 'en', receivableId: rid })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().subject).toBe('Invoice A-1 is overdue')
    expect(r.json().body).toContain('20 days overdue')
    const bad = await post('/api/dunning/templates/preview', { template: { subject: 'x', body: 'Hi {{who}}' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toBe('dunning.unknown-variable')
    const single = await post('/api/dunning/templates/preview', {
      template: { subject: 'x', body: 'Hi {counterparty}' },
    })
    expect(single.statusCode).toBe(400)
    expect(single.json()).toMatchObject({ error: 'dunning.unknown-variable', params: { unknown: '{counterparty}' } })
  })

  it('the "Send now" dialog opens with the text of the current step for the receivable (no template named)', async () => {
    const r = await post('/api/dunning/templates/preview', { receivableId: rid, lang: 'ru' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().body).toContain('A-1')
    expect(r.json().body).not.toMatch(/\{\{/)
    const sent = await post(`/api/dunning/receivables/${rid}/send-now`, { requestId: 'req-preview-1' })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json()).toMatchObject({ subject: r.json().subject, body: r.json().body })
    expect((await post('/api/dunning/templates/preview', { receivableId: 99999 })).statusCode).toBe(404)
  })

  it('settings: admins only; invalid rules are a 400 listing the problems and nothing is stored', async () => {
    userId = clerk
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/dunning/settings', headers: H(), payload: { catchUpDays: 2 } }))
        .statusCode,
    ).toBe(403)
    userId = 1 // the portal's administrator
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/dunning/settings',
      headers: H(),
      payload: { catchUpDays: 99, lawyerId: -1 },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().details.errors.length).toBe(2)
    expect(await t.ctx.repos.settings.get(M, 'dunning')).toBeNull()
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/dunning/settings',
      headers: H(),
      payload: { lawyerId: 3, paymentDetails: 'р/с 407' },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect((await get('/api/dunning/settings')).json()).toMatchObject({
      lawyerId: 3,
      paymentDetails: 'р/с 407',
      catchUpDays: 3,
    })
  })
})
