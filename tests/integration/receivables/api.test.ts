// The receivables API over a real database: create, pay, reverse, page, summary, ageing, and
// bad input that must answer a clear 4xx and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestContext, seedPortal } from '../../helpers/app.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
const as = (memberId: string) => ({ authorization: 'Bearer token', 'x-b24-member-id': memberId })
const A = as('member-a')
const B = as('member-b')

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, 'member-a')
  await seedPortal(t.ctx, 'member-b', 'app-token-b', 'https://b.bitrix24.test/rest/')
  t.ctx.verifyUserToken = async () => ({ userId: 7, isAdmin: false })
  // the user is the chief accountant named in the admin page: company-wide views are theirs (crm-visibility.ts)
  await t.ctx.repos.settings.set('member-a', 'approvals.roles', { chiefAccountant: 7 }, null)
  await t.ctx.repos.settings.set('member-b', 'approvals.roles', { chiefAccountant: 7 }, null)
}, 90_000)
afterAll(async () => t.dispose())

const invoice = (patch: Record<string, unknown> = {}) => ({
  counterparty: { type: 'company', id: 12, name: 'ООО Ромашка' },
  contract: { number: 'D-1', date: '2025-01-10' },
  invoiceNumber: 'INV-1',
  invoiceDate: '2025-03-01',
  dueDate: '2025-03-11',
  amount: 100_000,
  currency: 'RUB',
  ...patch,
})
const post = (url: string, payload: unknown, headers = A) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object })
const get = (url: string, headers = A) => t.app.inject({ method: 'GET', url, headers })
const counts = async () => {
  const r = await sql<{
    r: number
    p: number
  }>`SELECT (SELECT count(*) FROM receivables)::int AS r, (SELECT count(*) FROM payments)::int AS p`.execute(
    t.ctx.database.db,
  )
  return r.rows[0]
}

describe('receivables API', () => {
  let id = 0
  let paymentId = 0
  it('creates a receivable under a counterparty and contract', async () => {
    const r = await post('/api/receivables', invoice())
    expect(r.statusCode, r.body).toBe(201)
    const row = r.json()
    id = row.id
    expect(row).toMatchObject({
      invoiceNumber: 'INV-1',
      amount: 100_000,
      paid: 0,
      remaining: 100_000,
      stage: 'NEW',
      contractNumber: 'D-1',
      counterpartyName: 'ООО Ромашка',
    })
  })

  it('records a payment once per source reference', async () => {
    const first = await post(`/api/receivables/${id}/payments`, {
      amount: 30_000,
      paidOn: '2025-03-05',
      sourceRef: 'ui-1',
    })
    expect(first.statusCode, first.body).toBe(201)
    paymentId = first.json().payment.id
    expect(first.json().receivable).toMatchObject({ paid: 30_000, remaining: 70_000 })
    const again = await post(`/api/receivables/${id}/payments`, {
      amount: 30_000,
      paidOn: '2025-03-05',
      sourceRef: 'ui-1',
    })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ duplicate: true, receivable: { paid: 30_000 } })
    const reused = await post(`/api/receivables/${id}/payments`, { amount: 1, paidOn: '2025-03-05', sourceRef: 'ui-1' })
    expect(reused.statusCode).toBe(409)
  })

  it('keeps an overpayment as an advance once the person confirms it; an absurd amount is refused', async () => {
    const before = await counts()
    const unconfirmed = await post(`/api/receivables/${id}/payments`, {
      amount: 80_000,
      paidOn: '2025-03-06',
      sourceRef: 'ui-2',
    })
    expect([unconfirmed.statusCode, unconfirmed.json().error]).toEqual([409, 'payment.exceeds-remaining'])
    const absurd = await post(`/api/receivables/${id}/payments`, {
      amount: 100_000 * 10 + 1,
      paidOn: '2025-03-06',
      sourceRef: 'ui-absurd',
      confirmAdvance: true,
    })
    expect([absurd.statusCode, absurd.json().error]).toEqual([400, 'payment.implausible-amount'])
    expect(await counts()).toEqual(before)
    const r = await post(`/api/receivables/${id}/payments`, {
      amount: 80_000,
      paidOn: '2025-03-06',
      sourceRef: 'ui-2',
      confirmAdvance: true,
    })
    expect(r.json().receivable).toMatchObject({ paid: 110_000, remaining: 0, status: 'paid' })
    const s = await get('/api/counterparties/company/12/summary')
    expect(s.json()).toMatchObject({ advance: 10_000, totalDebt: 0, colour: 'grey' })
  })

  it('reverses a payment with a negative entry, once', async () => {
    const r = await post(`/api/payments/${paymentId}/reverse`, { reason: 'bank returned it' })
    expect(r.statusCode, r.body).toBe(201)
    expect(r.json()).toMatchObject({
      payment: { amount: -30_000, reversalOf: paymentId },
      receivable: { paid: 80_000, remaining: 20_000 },
    })
    expect((await post(`/api/payments/${paymentId}/reverse`, {})).statusCode).toBe(400)
    const reversal = r.json().payment.id
    expect((await post(`/api/payments/${reversal}/reverse`, {})).json().error).toBe('receivable.not-reversible')
    const d = await get(`/api/receivables/${id}`)
    expect(d.json().payments.map((p: { amount: number }) => p.amount)).toEqual([30_000, 80_000, -30_000])
    expect(d.json().audit.map((a: { action: string }) => a.action)).toEqual([
      'payment.reversed',
      'payment.recorded',
      'payment.recorded',
      'receivable.created',
    ])
  })

  it('refuses an invoice number the counterparty already has (trimmed, any letter case)', async () => {
    const before = await counts()
    for (const n of ['INV-1', ' inv-1 ']) {
      const r = await post('/api/receivables', invoice({ invoiceNumber: n }))
      expect([r.statusCode, r.json().error]).toEqual([409, 'receivable.duplicate-number'])
    }
    expect(await counts()).toEqual(before)
  })

  it('pages, sorts, searches and filters on the server', async () => {
    for (let i = 2; i <= 30; i++) {
      const r = await post(
        '/api/receivables',
        invoice({
          invoiceNumber: `INV-${i}`,
          amount: 1000 * i,
          invoiceDate: '2025-02-01',
          dueDate: i % 2 ? '2025-02-10' : '2099-01-10',
        }),
      )
      expect(r.statusCode).toBe(201)
    }
    const page = await get(
      '/api/receivables?counterpartyType=company&counterpartyId=12&sort=amount&dir=desc&pageSize=10&page=2',
    )
    expect(page.json()).toMatchObject({ total: 30, page: 2, pageSize: 10 })
    const amounts = page.json().rows.map((r: { amount: number }) => r.amount)
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a))
    const search = await get('/api/receivables?counterpartyType=company&counterpartyId=12&q=INV-2')
    expect(
      search
        .json()
        .rows.map((r: { invoiceNumber: string }) => r.invoiceNumber)
        .sort(),
    ).toEqual([
      'INV-2',
      'INV-20',
      'INV-21',
      'INV-22',
      'INV-23',
      'INV-24',
      'INV-25',
      'INV-26',
      'INV-27',
      'INV-28',
      'INV-29',
    ])
    const overdue = await get('/api/receivables?filter=overdue&sort=daysOverdue&pageSize=200')
    // "overdue" lists every overdue invoice; those idle for N days carry the finer status "stuck"
    expect(overdue.json().rows.every((r: { status: string }) => ['overdue', 'stuck'].includes(r.status))).toBe(true)
    expect(overdue.json().total).toBe(15)
    for (const key of [
      'invoiceNumber',
      'invoiceDate',
      'dueDate',
      'paid',
      'remaining',
      'stage',
      'contractNumber',
      'counterpartyName',
    ]) {
      expect((await get(`/api/receivables?sort=${key}&dir=asc`)).statusCode).toBe(200)
    }
    const groups = await get('/api/counterparties/company/12/contracts')
    expect(groups.json().groups[0]).toMatchObject({ contract: { number: 'D-1' }, totals: { count: 30 } })
    const ageing = await get('/api/ageing')
    expect(ageing.json().portal.total.count).toBe(30)
    expect(ageing.json().counterparties[0].counterparty.entityId).toBe(12)
  })

  it.each([
    ['zero amount', '/api/receivables', invoice({ amount: 0 }), 400, 'receivable.invalid-amount'],
    ['negative amount', '/api/receivables', invoice({ amount: -100 }), 400, 'receivable.invalid-amount'],
    ['amount as a string', '/api/receivables', invoice({ amount: '100' }), 400, 'receivable.invalid-amount'],
    [
      'due before invoice',
      '/api/receivables',
      invoice({ dueDate: '2025-02-01' }),
      400,
      'receivable.due-before-invoice',
    ],
    ['bad currency', '/api/receivables', invoice({ currency: 'rubles' }), 400, 'receivable.invalid-currency'],
    [
      'bad counterparty',
      '/api/receivables',
      invoice({ counterparty: { type: 'deal', id: 1 } }),
      400,
      'request.invalid-counterparty',
    ],
    ['no body object', '/api/receivables', [1, 2], 400, 'request.invalid-body'],
    [
      'a bad contract date',
      '/api/receivables',
      invoice({ contract: { number: 'D-9', date: '2025-13-01' } }),
      400,
      'receivable.invalid-date',
    ],
    ['an absurd amount', '/api/receivables', invoice({ amount: 10 ** 13 }), 400, 'receivable.invalid-amount'],
    [
      'penalty terms of an unknown method',
      '/api/receivables',
      invoice({ contract: { number: 'D-8', penaltyTerms: { method: 'usury' } } }),
      400,
      'receivable.invalid-text',
    ],
    [
      'a per-day penalty without its rate',
      '/api/receivables',
      invoice({ contract: { number: 'D-8', penaltyTerms: { method: 'per-day' } } }),
      400,
      'receivable.invalid-text',
    ],
    [
      'penalty terms that are not an object',
      '/api/receivables',
      invoice({ contract: { number: 'D-8', penaltyTerms: '0.1%' } }),
      400,
      'receivable.invalid-text',
    ],
  ])('refuses to create with %s and writes nothing', async (_n, url, payload, status, code) => {
    const before = await counts()
    const r = await post(url, payload)
    expect(r.statusCode).toBe(status)
    expect(r.json().error).toBe(code)
    expect(await counts()).toEqual(before)
  })

  it('a contract keeps its penalty terms (checked by the penalty engine) and shows them with its invoices', async () => {
    const terms = { method: 'per-day', percentPerDay: '0.1', cap: { kind: 'percent', percent: '10' } }
    const r = await post(
      '/api/receivables',
      invoice({
        counterparty: { type: 'company', id: 77, name: 'ООО Лютик' },
        invoiceNumber: 'PT-1',
        contract: { number: 'D-77', date: '2025-01-10', paymentTermsDays: 10, penaltyTerms: terms },
      }),
    )
    expect(r.statusCode, r.body).toBe(201)
    const groups = (await get('/api/counterparties/company/77/contracts')).json().groups
    expect(groups[0].contract).toMatchObject({ number: 'D-77', paymentTermsDays: 10, penaltyTerms: terms })
  })

  it('a contract counts its payment terms in working days when told so; another kind is refused', async () => {
    const before = await counts()
    const bad = await post(
      '/api/receivables',
      invoice({
        counterparty: { type: 'company', id: 78, name: 'ООО Рабочие дни' },
        invoiceNumber: 'WD-0',
        contract: { number: 'WD-1', paymentTermsDays: 5, paymentTermsKind: 'banking' },
      }),
    )
    expect(bad.statusCode).toBe(400)
    expect(await counts()).toEqual(before)
    const r = await post(
      '/api/receivables',
      invoice({
        counterparty: { type: 'company', id: 78, name: 'ООО Рабочие дни' },
        invoiceNumber: 'WD-1',
        contract: { number: 'WD-1', paymentTermsDays: 5, paymentTermsKind: 'working' },
      }),
    )
    expect(r.statusCode, r.body).toBe(201)
    const groups = (await get('/api/counterparties/company/78/contracts')).json().groups
    expect(groups[0].contract).toMatchObject({ number: 'WD-1', paymentTermsDays: 5, paymentTermsKind: 'working' })
  })

  it('refuses bad payments and writes nothing', async () => {
    const before = await counts()
    const cases: [string, unknown, number, string][] = [
      [
        `/api/receivables/${id}/payments`,
        { amount: -5, paidOn: '2025-03-01', sourceRef: 'x1' },
        400,
        'receivable.invalid-amount',
      ],
      [
        `/api/receivables/${id}/payments`,
        { amount: 0, paidOn: '2025-03-01', sourceRef: 'x2' },
        400,
        'receivable.invalid-amount',
      ],
      [
        `/api/receivables/${id}/payments`,
        { amount: '500', paidOn: '2025-03-01', sourceRef: 'x3' },
        400,
        'receivable.invalid-amount',
      ],
      [
        `/api/receivables/${id}/payments`,
        { amount: 500, paidOn: 'yesterday', sourceRef: 'x4' },
        400,
        'receivable.invalid-date',
      ],
      [`/api/receivables/${id}/payments`, { amount: 500, paidOn: '2025-03-01' }, 400, 'receivable.invalid-text'],
      [
        `/api/receivables/${id}/payments`,
        { amount: 500, paidOn: '2199-03-01', sourceRef: 'x7' },
        400,
        'receivable.invalid-date',
      ],
      [
        `/api/receivables/${id}/payments`,
        { amount: 1.5, paidOn: '2025-03-01', sourceRef: 'x8' },
        400,
        'receivable.invalid-amount',
      ],
      [`/api/receivables/${id}/payments`, 'amount=5', 415, 'request.unsupported-media-type'],
      [
        '/api/receivables/999999/payments',
        { amount: 500, paidOn: '2025-03-01', sourceRef: 'x5' },
        404,
        'receivable.not-found',
      ],
      [
        '/api/receivables/abc/payments',
        { amount: 500, paidOn: '2025-03-01', sourceRef: 'x6' },
        400,
        'request.invalid-id',
      ],
      ['/api/payments/999999/reverse', {}, 404, 'payment.not-found'],
    ]
    for (const [url, payload, status, code] of cases) {
      const r = await post(url, payload)
      expect([url, r.statusCode, r.json().error]).toEqual([url, status, code])
    }
    expect(await counts()).toEqual(before)
  })

  it('a receivable of another portal is not found', async () => {
    const before = await counts()
    expect((await get(`/api/receivables/${id}`, B)).statusCode).toBe(404)
    const r = await post(
      `/api/receivables/${id}/payments`,
      { amount: 500, paidOn: '2025-03-01', sourceRef: 'other' },
      B,
    )
    expect(r.statusCode).toBe(404)
    expect((await post(`/api/payments/${paymentId}/reverse`, {}, B)).statusCode).toBe(404)
    expect((await get('/api/receivables', B)).json().total).toBe(0)
    expect((await get('/api/counterparties/company/12/summary', B)).json().counterparty).toBeNull()
    expect(await counts()).toEqual(before)
  })

  it('rejects bad query parameters', async () => {
    for (const q of ['sort=password', 'dir=up', 'filter=mine', 'page=0', 'pageSize=1000', 'counterpartyType=company']) {
      expect((await get(`/api/receivables?${q}`)).statusCode).toBe(400)
    }
  })
})

describe('ageing by our legal entity', () => {
  const C = as('member-c')
  const add = (n: string, legalEntity: string | undefined, dueDate: string, amount: number, cpId = 31) =>
    post(
      '/api/receivables',
      {
        counterparty: { type: 'company', id: cpId, name: `Клиент ${cpId}` },
        contract: { number: `LE-${n}`, ...(legalEntity === undefined ? {} : { legalEntity }) },
        invoiceNumber: `LE-${n}`,
        invoiceDate: '2025-01-01',
        dueDate,
        amount,
        currency: 'RUB',
      },
      C,
    )

  it("groups open debt by the legal entity named on the contract, merged with the admin's list by name or INN", async () => {
    await seedPortal(t.ctx, 'member-c', 'app-token-c', 'https://c.bitrix24.test/rest/')
    await t.ctx.repos.settings.set('member-c', 'approvals.roles', { chiefAccountant: 7 }, null)
    await t.ctx.repos.settings.set(
      'member-c',
      'claims.legalEntities',
      [
        { name: 'ООО «Альфа»', inn: '7700000001' },
        { name: 'ООО «Бета»', inn: '7700000002' },
      ],
      'test',
    )
    for (const r of [
      await add('1', 'ООО Альфа', '2025-01-10', 100_000),
      await add('2', 'Альфа, ИНН 7700000001', '2099-01-10', 20_000, 32),
      await add('3', 'ИП Гамма', '2025-01-10', 5_000),
      await add('4', undefined, '2025-01-10', 7_000),
      await add('5', '=HYPERLINK("http://x")', '2099-01-10', 1_000),
    ])
      expect(r.statusCode, r.body).toBe(201)
    const a = (await get('/api/ageing', C)).json() as import('../../../contracts/receivables.ts').AgeingDto
    expect(
      a.legalEntities.map((e) => [
        e.legalEntity,
        e.inn,
        e.ageing.current.amount,
        e.ageing.d90_plus.amount,
        e.ageing.total.count,
      ]),
    ).toEqual([
      ['ООО «Альфа»', '7700000001', 20_000, 100_000, 2],
      ['ИП Гамма', null, 0, 5_000, 1],
      ['=HYPERLINK("http://x")', null, 1_000, 0, 1],
      [null, null, 0, 7_000, 1],
    ])
    expect(a.legalEntities.reduce((s, e) => s + e.ageing.total.amount, 0)).toBe(a.portal.total.amount)
    // one counterparty's ageing has its own split
    const one = (await get('/api/ageing?counterpartyType=company&counterpartyId=32', C)).json() as typeof a
    expect(one.legalEntities).toEqual([expect.objectContaining({ legalEntity: 'ООО «Альфа»', inn: '7700000001' })])
  })

  it('exports it as CSV for admins, with names a spreadsheet would run neutralised', async () => {
    const verify = t.ctx.verifyUserToken
    // a user who is neither an admin nor named in the approval roles (user 7 is the chief accountant here)
    t.ctx.verifyUserToken = async () => ({ userId: 8, isAdmin: false })
    expect((await get('/api/exports/reports/ageing-legal-entities.csv', C)).statusCode).toBe(403)
    t.ctx.verifyUserToken = async () => ({ userId: 7, isAdmin: true })
    try {
      const r = await get('/api/exports/reports/ageing-legal-entities.csv?lang=en', C)
      expect(r.statusCode, r.body).toBe(200)
      expect(
        r.body
          .replace(/^\ufeff/, '')
          .trim()
          .split('\r\n'),
      ).toEqual([
        'Our legal entity,INN,Current,1–30,31–60,61–90,90+,Total',
        'ООО «Альфа»,7700000001,200.00,0.00,0.00,0.00,1000.00,1200.00',
        'ИП Гамма,,0.00,0.00,0.00,0.00,50.00,50.00',
        `"'=HYPERLINK(""http://x"")",,10.00,0.00,0.00,0.00,0.00,10.00`,
        'Not named on the contract,,0.00,0.00,0.00,0.00,70.00,70.00',
        'All legal entities,,210.00,0.00,0.00,0.00,1120.00,1330.00',
      ])
    } finally {
      t.ctx.verifyUserToken = verify
    }
  })
})
