// /api/dunning over a real database: the collection plan of a counterparty, pause / promise / skip /
// send now, template preview and settings; bad input answers a clear 4xx and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, localDateOf } from '../../../server/domain/calendar/index.ts'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { FakePortal } from './fake-portal.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
const M = 'member-api'
const H = { authorization: 'Bearer token', 'x-b24-member-id': M }
const today = localDateOf('Europe/Moscow', Date.now())
let rid = 0
let admin = false
const portal = new FakePortal(M)
const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: H, payload: payload as object })
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: H })
const state = async () => t.ctx.database.db.selectFrom('dunning_receivables').selectAll().where('receivable_id', '=', rid).executeTakeFirst()
const plan = async () => (await get('/api/dunning/counterparties/company/501/plan')).json()

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, M)
  t.ctx.verifyUserToken = async () => ({ userId: 7, isAdmin: admin })
  t.ctx.b24 = portal
  const db = t.ctx.database.db
  const cp = await db.insertInto('counterparties').values({ member_id: M, entity_type: 'company', entity_id: 501, name: 'ООО Ромашка', inn: null, kpp: null, email: 'buh@romashka.test' }).returning('id').executeTakeFirstOrThrow()
  const due = addDays(today, -20)
  const r = await db.insertInto('receivables').values({ member_id: M, counterparty_id: Number(cp.id), item_id: null, invoice_number: 'A-1', invoice_date: addDays(due, -30), due_date: due, effective_due_date: due,
    amount: 50_000_00, stage: 'OVERDUE', responsible_id: 7, created_by: 'test', created_source: 'test' }).returning('id').executeTakeFirstOrThrow()
  rid = Number(r.id)
})
afterAll(async () => t.dispose())

describe('dunning API', () => {
  it('the collection plan lists each open receivable with its steps, escalations and state', async () => {
    const p = await plan()
    expect(p.counterparty).toMatchObject({ name: 'ООО Ромашка', status: 'ok' })
    const r = p.receivables[0]
    expect(r).toMatchObject({ receivableId: rid, invoiceNumber: 'A-1', remaining: 50_000_00, daysOverdue: 20, block: null, riskSegment: 'normal' })
    expect(r.steps.map((s: { key: string }) => s.key)).toEqual(expect.arrayContaining(['r.before-5', 'r.due-day', 'r.after-10', 'e.esc-1', 'e.esc-3']))
    expect(r.steps.filter((s: { status: string }) => s.status === 'missed').length).toBeGreaterThan(0)
    expect((await get('/api/dunning/counterparties/company/999/plan')).json()).toMatchObject({ counterparty: null, receivables: [] })
    expect((await get('/api/dunning/counterparties/deal/501/plan')).statusCode).toBe(400)
  })

  it('pause: a past date or no reason is a 400 and changes nothing; then it pauses and ends', async () => {
    const bad = await post(`/api/dunning/receivables/${rid}/pause`, { until: addDays(today, -1), reason: 'x' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toBe('dunning.invalid-input')
    expect((await post(`/api/dunning/receivables/${rid}/pause`, { until: addDays(today, 5) })).statusCode).toBe(400)
    expect(await state()).toBeUndefined()
    expect((await post(`/api/dunning/receivables/${rid}/pause`, { until: addDays(today, 5), reason: 'dispute on delivery' })).statusCode).toBe(200)
    expect((await plan()).receivables[0]).toMatchObject({ block: 'paused', pause: { until: addDays(today, 5), reason: 'dispute on delivery' } })
    expect((await post(`/api/dunning/receivables/${rid}/pause`, { until: null })).statusCode).toBe(200)
    expect((await plan()).receivables[0].block).toBeNull()
  })

  it('promise: more than the debt is a 400; a valid promise pauses dunning until its date', async () => {
    expect((await post(`/api/dunning/receivables/${rid}/promise`, { date: addDays(today, 3), amount: 60_000_00 })).statusCode).toBe(400)
    expect((await post(`/api/dunning/receivables/${rid}/promise`, { date: 'tomorrow', amount: 1 })).statusCode).toBe(400)
    expect((await state())?.promised_date ?? null).toBeNull()
    expect((await post(`/api/dunning/receivables/${rid}/promise`, { date: addDays(today, 3), amount: 20_000_00 })).statusCode).toBe(200)
    expect((await plan()).receivables[0]).toMatchObject({ block: 'promise', promise: { date: addDays(today, 3), amount: 20_000_00, status: 'pending' } })
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
    expect((await post(`/api/dunning/receivables/${rid}/send-now`, { requestId: 'req-00000001', channels: ['fax'] })).statusCode).toBe(400)
    expect(portal.activities).toHaveLength(0)
    const r = await post(`/api/dunning/receivables/${rid}/send-now`, { requestId: 'req-00000001', body: 'Please pay today' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ sent: ['email'], body: 'Please pay today' })
    expect((await post(`/api/dunning/receivables/${rid}/send-now`, { requestId: 'req-00000001', body: 'Please pay today' })).statusCode).toBe(200)
    expect(portal.activities).toHaveLength(1)
    expect(portal.activities[0]).toMatchObject({ TYPE_ID: 4, DIRECTION: 2, COMPLETED: 'Y', DESCRIPTION: 'Please pay today', OWNER_ID: 501 })
    expect((await plan()).receivables[0].manual).toHaveLength(1)
    expect((await post('/api/dunning/receivables/99999/send-now', { requestId: 'req-00000002' })).statusCode).toBe(404)
  })

  it('counterparty and receivable settings: risk segment, do not dun, overrides; bad values are a 400', async () => {
    const cpUrl = '/api/dunning/counterparties/company/501/settings'
    expect((await post(cpUrl, { timezone: 'Mars/Olympus' })).statusCode).toBe(400)
    expect((await post(cpUrl, { riskSegment: 'extreme' })).statusCode).toBe(400)
    expect((await post('/api/dunning/counterparties/company/999/settings', { riskSegment: 'high' })).statusCode).toBe(404)
    expect((await post(cpUrl, { riskSegment: 'high', telegramChatId: '123456', timezone: 'Asia/Vladivostok', lang: 'en' })).statusCode).toBe(200)
    expect((await plan()).receivables[0].riskSegment).toBe('high')
    expect((await post(`/api/dunning/receivables/${rid}/settings`, { override: { ladder: 'nope' } })).statusCode).toBe(400)
    expect((await post(`/api/dunning/receivables/${rid}/settings`, { override: { escalation: [{ id: 'x', daysOverdue: -1, tasks: [] }] } })).statusCode).toBe(400)
    expect((await post(`/api/dunning/receivables/${rid}/settings`, { override: { riskSegment: 'low', ladder: 'soft' } })).statusCode).toBe(200)
    expect((await plan()).receivables[0]).toMatchObject({ riskSegment: 'low', ladderId: 'soft' })
    expect((await post(`/api/dunning/receivables/${rid}/settings`, { doNotDun: true })).statusCode).toBe(200)
    expect((await plan()).receivables[0].block).toBe('do-not-dun')
    expect((await post(`/api/dunning/receivables/${rid}/settings`, { doNotDun: false, override: null })).statusCode).toBe(200)
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
  })

  it('settings: admins only; invalid rules are a 400 listing the problems and nothing is stored', async () => {
    admin = false
    expect((await t.app.inject({ method: 'PUT', url: '/api/dunning/settings', headers: H, payload: { catchUpDays: 2 } })).statusCode).toBe(403)
    admin = true
    const bad = await t.app.inject({ method: 'PUT', url: '/api/dunning/settings', headers: H, payload: { catchUpDays: 99, lawyerId: -1 } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().details.errors.length).toBe(2)
    expect(await t.ctx.repos.settings.get(M, 'dunning')).toBeNull()
    const ok = await t.app.inject({ method: 'PUT', url: '/api/dunning/settings', headers: H, payload: { lawyerId: 3, paymentDetails: 'р/с 407' } })
    expect(ok.statusCode, ok.body).toBe(200)
    expect((await get('/api/dunning/settings')).json()).toMatchObject({ lawyerId: 3, paymentDetails: 'р/с 407', catchUpDays: 3 })
  })
})
