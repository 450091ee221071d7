// The statuses people asked for (issue 22): sent to the client, due soon, stuck (overdue with no
// payment, stage move or contact for N days), with their filters, the header counts and N in the admin page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
const H = { authorization: 'Bearer token', 'x-b24-member-id': 'member-s' }
let isAdmin = true

beforeAll(async () => {
  t = await createTestContext() // today is 2026-12-09 (tests/helpers/clock.ts)
  await seedPortal(t.ctx, 'member-s')
  t.ctx.verifyUserToken = async () => ({ userId: 7, isAdmin })
  await t.ctx.repos.settings.set('member-s', 'approvals.roles', { chiefAccountant: 7 }, null)
}, 90_000)
afterAll(async () => t.dispose())

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: H, payload: payload as object })
const put = (url: string, payload: unknown) =>
  t.app.inject({ method: 'PUT', url, headers: H, payload: payload as object })
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: H })
const ids: Record<string, number> = {}
const stages = () => receivablesRepository(t.ctx.database.db)
const create = async (n: string, invoiceDate: string, dueDate: string) => {
  const r = await post('/api/receivables', {
    counterparty: { type: 'company', id: 40, name: 'ООО Статусы' },
    invoiceNumber: n,
    invoiceDate,
    dueDate,
    amount: 100_000,
  })
  expect(r.statusCode, r.body).toBe(201)
  ids[n] = r.json().id
}
const statuses = async () =>
  Object.fromEntries(
    (await get('/api/receivables?counterpartyType=company&counterpartyId=40&pageSize=50'))
      .json()
      .rows.map((r: { invoiceNumber: string; status: string }) => [r.invoiceNumber, r.status]),
  )
const filtered = async (f: string) =>
  (await get(`/api/receivables?counterpartyType=company&counterpartyId=40&filter=${f}`))
    .json()
    .rows.map((r: { invoiceNumber: string }) => r.invoiceNumber)
    .sort()

describe('receivable statuses', () => {
  it('tells sent, due soon, open, overdue and stuck apart, and filters by each', async () => {
    await create('DUE-SOON', '2026-12-01', '2026-12-12')
    await create('SENT', '2026-12-01', '2027-01-30')
    await create('OPEN', '2026-12-01', '2027-01-30')
    await create('STUCK', '2026-10-01', '2026-10-15')
    await create('LATE', '2026-11-30', '2026-12-01')
    await stages().setStage('member-s', ids.SENT, 'SENT', true, { at: t.ctx.clock.now() })
    expect(await statuses()).toEqual({
      'DUE-SOON': 'due-soon',
      SENT: 'sent',
      OPEN: 'open',
      STUCK: 'stuck',
      LATE: 'overdue',
    })
    expect(await filtered('sent')).toEqual(['SENT'])
    expect(await filtered('due-soon')).toEqual(['DUE-SOON'])
    expect(await filtered('stuck')).toEqual(['STUCK'])
    expect(await filtered('overdue')).toEqual(['LATE', 'STUCK'])
    const s = (await get('/api/counterparties/company/40/summary')).json()
    expect(s.statusCounts).toEqual({ sent: 1, 'due-soon': 1, stuck: 1 })
  })

  it('a payment or a stage move ends "stuck"', async () => {
    const paid = await post(`/api/receivables/${ids.STUCK}/payments`, {
      amount: 1_000,
      paidOn: '2026-12-05',
      sourceRef: 'st-1',
    })
    expect(paid.statusCode, paid.body).toBe(201)
    expect((await statuses()).STUCK).toBe('overdue')
    await create('STUCK-2', '2026-09-01', '2026-09-10')
    expect((await statuses())['STUCK-2']).toBe('stuck')
    await stages().setStage('member-s', ids['STUCK-2'], 'NEGOTIATION', true, { at: t.ctx.clock.now() })
    expect((await statuses())['STUCK-2']).toBe('overdue')
    // the same stage again is not a move
    await stages().setStage('member-s', ids['STUCK-2'], 'NEGOTIATION', true, {
      at: new Date('2027-06-01T00:00:00Z'),
    })
    expect((await statuses())['STUCK-2']).toBe('overdue')
  })

  it('N days come from the admin page; bad values are refused with the field named and change nothing', async () => {
    expect((await get('/api/admin/receivable-statuses')).json()).toEqual({ dueSoonDays: 5, stuckDays: 14 })
    const bad = await put('/api/admin/receivable-statuses', { dueSoonDays: 0, stuckDays: 10 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({
      error: 'settings.invalid',
      params: { field: 'dueSoonDays', rule: 'range', min: 1, max: 365 },
    })
    expect((await get('/api/admin/receivable-statuses')).json()).toEqual({ dueSoonDays: 5, stuckDays: 14 })
    const ok = await put('/api/admin/receivable-statuses', { dueSoonDays: 2, stuckDays: 5 })
    expect(ok.statusCode, ok.body).toBe(200)
    const now = await statuses()
    expect(now['DUE-SOON']).toBe('open') // due in 3 days, beyond 2
    expect(now.LATE).toBe('stuck') // 9 days since the invoice, over 5
    isAdmin = false
    expect((await put('/api/admin/receivable-statuses', { dueSoonDays: 3, stuckDays: 5 })).statusCode).toBe(403)
    isAdmin = true
  })
})
