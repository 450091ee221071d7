// POST /api/v1/payments with a per-portal API key: matched like a statement line, idempotent on the
// payer's reference, unmatched ones in the review queue; keys are created once-visible and revoked
// by admins only; bad bodies and keys change nothing; the OpenAPI description is served.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'

let w: RobotWorld
let receivableId: number
let key: string
let keyId: number
let clerk: number

const userApi = async <T>(method: 'GET' | 'POST' | 'DELETE', url: string, user: number, payload?: object) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, user) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${t.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() as T }
}
const pay = async (body: object, k = key) => {
  const r = await w.app.inject({
    method: 'POST',
    url: '/api/v1/payments',
    headers: { authorization: `Bearer ${k}` },
    payload: body,
  })
  return {
    status: r.statusCode,
    body: r.json() as {
      status: string
      reason: string | null
      duplicate: boolean
      allocations: { receivableId: number; amount: number }[]
      error?: string
      message?: string
    },
  }
}
const paymentCount = async () =>
  Number(
    (
      await w.ctx.database.db
        .selectFrom('payments')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

beforeAll(async () => {
  w = await startRobotWorld()
  w.sb.admin.call(w.portalId, 'crm.requisite.add', {
    fields: { ENTITY_TYPE_ID: 4, ENTITY_ID: w.companyId, PRESET_ID: 1, NAME: 'Ромашка', RQ_INN: '7705000010' },
  })
  receivableId = (await w.newReceivable({ amount: 1_000_000, invoiceDate: '2026-09-01', dueDate: '2026-10-01' }))
    .receivableId
  clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
}, 90_000)
afterAll(async () => w?.close())

describe('payments API', () => {
  it('admins create a key (shown once) — not a clerk', async () => {
    expect((await userApi('POST', '/admin/api-keys', clerk, { name: '1C' })).status).toBe(403)
    expect((await userApi('POST', '/admin/api-keys', 1, { name: '' })).status).toBe(400)
    const made = await userApi<{ id: number; key: string; prefix: string }>('POST', '/admin/api-keys', 1, {
      name: '1С:Бухгалтерия',
    })
    expect(made.status).toBe(201)
    key = made.body.key
    keyId = made.body.id
    expect(key).toMatch(/^rck_/)
    const list = await userApi<{ prefix: string; name: string }[]>('GET', '/admin/api-keys', 1)
    expect(list.body).toEqual([expect.objectContaining({ name: '1С:Бухгалтерия', prefix: key.slice(0, 10) })])
    expect(JSON.stringify(list.body)).not.toContain(key)
  })

  it('a payment is matched by INN and invoice number; the same reference again records nothing', async () => {
    const before = await paymentCount()
    const r = await pay({
      reference: 'PP-100 от 01.12.2026',
      amount: 400_000,
      paidOn: '2026-12-01',
      payerInn: '7705000010',
      purpose: 'Оплата по счету № R-1',
    })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(r.body).toMatchObject({
      status: 'matched',
      duplicate: false,
      allocations: [{ receivableId, amount: 400_000 }],
    })
    const again = await pay({
      reference: 'PP-100 от 01.12.2026',
      amount: 400_000,
      paidOn: '2026-12-01',
      payerInn: '7705000010',
      purpose: 'Оплата по счету № R-1',
    })
    expect(again).toMatchObject({ status: 200, body: { status: 'matched', duplicate: true } })
    expect(await paymentCount()).toBe(before + 1)
    expect(
      (await pay({ reference: 'PP-100 от 01.12.2026', amount: 1, paidOn: '2026-12-01', payerInn: '7705000010' }))
        .status,
    ).toBe(409)
    const rec = await w.ctx.database.db
      .selectFrom('receivables')
      .select('paid')
      .where('id', '=', receivableId)
      .executeTakeFirstOrThrow()
    expect(Number(rec.paid)).toBe(400_000)
  })

  it('an unknown payer waits in the review queue; a named receivable is recorded directly', async () => {
    expect(
      (await pay({ reference: 'X-1', amount: 5_000, paidOn: '2026-12-02', payerInn: '7799999997', purpose: 'Оплата' }))
        .body,
    ).toMatchObject({ status: 'review', reason: 'unknown-payer' })
    const q = await userApi<{ waiting: number; lines: { docNumber: string }[] }>('GET', '/statement-review', 1)
    expect(q.body.lines.map((l) => l.docNumber)).toContain('X-1')
    expect((await pay({ reference: 'X-2', amount: 1_000, paidOn: '2026-12-02', receivableId })).body).toMatchObject({
      status: 'matched',
      allocations: [{ receivableId, amount: 1_000 }],
    })
  })

  it("the reference is the payer's: another payer may use the same number; a retry of one payer stays idempotent", async () => {
    const before = await paymentCount()
    const a = await pay({
      reference: 'PP-7',
      amount: 5_000,
      paidOn: '2026-12-02',
      payerInn: '7701111110',
      purpose: 'Оплата',
    })
    const b = await pay({
      reference: 'PP-7',
      amount: 5_000,
      paidOn: '2026-12-02',
      payerInn: '7702222222',
      purpose: 'Оплата',
    })
    const c = await pay({
      reference: 'PP-7',
      amount: 7_000,
      paidOn: '2026-12-02',
      payerInn: '7703333334',
      purpose: 'Оплата',
    })
    expect([a, b, c].map((r) => [r.status, r.body.duplicate])).toEqual([
      [201, false],
      [201, false],
      [201, false],
    ])
    expect(
      await pay({ reference: 'PP-7', amount: 5_000, paidOn: '2026-12-02', payerInn: '7702222222', purpose: 'Оплата' }),
    ).toMatchObject({ status: 200, body: { duplicate: true } })
    expect((await pay({ reference: 'PP-7', amount: 6_000, paidOn: '2026-12-02', payerInn: '7702222222' })).status).toBe(
      409,
    )
    const lines = await w.ctx.database.db
      .selectFrom('statement_lines')
      .select(['payer_inn', 'amount'])
      .where('doc_number', '=', 'PP-7')
      .orderBy('id')
      .execute()
    expect(lines.map((l) => [l.payer_inn, Number(l.amount)])).toEqual([
      ['7701111110', 5_000],
      ['7702222222', 5_000],
      ['7703333334', 7_000],
    ])
    expect(await paymentCount()).toBe(before)
  })

  it('a line received before the key named the payer is still found by its reference and payer', async () => {
    const first = await pay({ reference: 'OLD-1', amount: 3_000, paidOn: '2026-12-02', payerInn: '7704444446' })
    expect(first.status).toBe(201)
    const legacy = createHash('sha256').update('api|OLD-1').digest('hex').slice(0, 32)
    await w.ctx.database.db
      .updateTable('statement_lines')
      .set({ line_key: legacy })
      .where('doc_number', '=', 'OLD-1')
      .execute()
    expect(
      await pay({ reference: 'OLD-1', amount: 3_000, paidOn: '2026-12-02', payerInn: '7704444446' }),
    ).toMatchObject({ status: 200, body: { duplicate: true } })
    expect(
      (await pay({ reference: 'OLD-1', amount: 3_000, paidOn: '2026-12-02', payerInn: '7705555558' })).body.duplicate,
    ).toBe(false)
  })

  it('accountants hear about API payments waiting for review once per hour, not once per payment', async () => {
    const accountant = w.sb.admin.addUser(w.portalId, { name: 'Анна', lastName: 'Бухгалтер' }).id
    await w.ctx.repos.settings.set(w.memberId, 'statements', { notifyIds: [accountant] }, 'test')
    const told = () =>
      w.sb.admin.notifications(w.portalId).filter((n) => Number(n.userId ?? n.USER_ID ?? n.toUserId) === accountant)
    const hour = new Date().toISOString().slice(0, 13)
    for (const n of [1, 2, 3])
      expect(
        (await pay({ reference: `N-${n}`, amount: 100 * n, paidOn: '2026-12-02', payerInn: '7706666660' })).body.status,
      ).toBe('review')
    const crossedAnHour = new Date().toISOString().slice(0, 13) !== hour
    expect(told()).toHaveLength(crossedAnHour ? 2 : 1)
    expect(JSON.stringify(told()[0])).toMatch(/ждут разбора \(всего в очереди — \d+\)/)
    // the queue is cleared; the next line to review is told at once, the one after it is not
    const q = await userApi<{ lines: { id: number }[] }>('GET', '/statement-review?limit=200', 1)
    for (const l of q.body.lines)
      expect((await userApi('POST', `/statement-review/${l.id}/dismiss`, 1, { reason: 'test' })).status).toBe(200)
    const before = told().length
    for (const n of [4, 5])
      expect(
        (await pay({ reference: `N-${n}`, amount: 100 * n, paidOn: '2026-12-02', payerInn: '7706666660' })).body.status,
      ).toBe('review')
    expect(told()).toHaveLength(before + 1)
    expect(JSON.stringify(told().at(-1))).toContain('всего в очереди — 1')
  })

  it('a payer INN with wrong control digits waits for review with a warning, never matched by it', async () => {
    const r = await pay({
      reference: 'INN-1',
      amount: 1_000,
      paidOn: '2026-12-02',
      payerInn: '7705000011',
      purpose: 'Оплата по счету № R-1',
    })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(r.body).toMatchObject({
      status: 'review',
      reason: 'inn-invalid',
      allocations: [],
      warnings: [{ code: 'inn-invalid', inn: '7705000011' }],
    })
  })

  it('bad bodies, absurd amounts, bad and revoked keys are refused and change nothing', async () => {
    const before = await paymentCount()
    for (const [body, field] of [
      [{ amount: 100, paidOn: '2026-12-01' }, 'reference'],
      [{ reference: 'a', amount: 1.5, paidOn: '2026-12-01' }, 'amount'],
      [{ reference: 'a', amount: 10 ** 15, paidOn: '2026-12-01' }, 'amount'],
      [{ reference: 'a', amount: 100, paidOn: '2026-02-30' }, 'paidOn'],
      [{ reference: 'a', amount: 100, paidOn: '2099-01-01' }, 'paidOn'],
      [{ reference: 'a', amount: 100, paidOn: '2026-12-01', payerInn: '12' }, 'payerInn'],
    ] as const) {
      const r = await pay(body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.body.message).toMatch(new RegExp(`^${field}:`))
    }
    expect((await pay({ reference: 'a', amount: 100, paidOn: '2026-12-01', receivableId: 999_999 })).status).toBe(404)
    expect((await pay({ reference: 'a', amount: 100, paidOn: '2026-12-01' }, 'rck_forged')).status).toBe(401)
    const noKey = await w.app.inject({ method: 'POST', url: '/api/v1/payments', payload: {} })
    expect(noKey.statusCode).toBe(401)
    expect((await userApi('DELETE', `/admin/api-keys/${keyId}`, 1)).status).toBe(200)
    expect((await pay({ reference: 'b', amount: 100, paidOn: '2026-12-01' })).status).toBe(401)
    expect(await paymentCount()).toBe(before)
  })

  it('serves its OpenAPI description', async () => {
    const r = await w.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(r.statusCode).toBe(200)
    const doc = r.json() as { openapi: string; paths: Record<string, unknown> }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(['/payments'])
  })
})
