// A counterparty with 1,200 receivables: every sort key orders the whole set on the server, pages
// do not overlap, search and filters count right. (Speed is measured in bench/, not asserted here.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestContext, seedPortal } from '../../helpers/app.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
const H = { authorization: 'Bearer token', 'x-b24-member-id': 'member-a' }
const N = 1200

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, 'member-a')
  t.ctx.verifyUserToken = async () => ({ userId: 3, isAdmin: true })
  const db = t.ctx.database.db
  const { id } = await db
    .insertInto('counterparties')
    .values({
      member_id: 'member-a',
      entity_type: 'company',
      entity_id: 77,
      name: 'АО Большой',
      inn: null,
      kpp: null,
      email: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sql`INSERT INTO receivables (member_id, counterparty_id, item_id, invoice_number, invoice_date, due_date, effective_due_date, amount, paid, stage, created_by, created_source)
    SELECT 'member-a', ${id}, 10000 + g, 'INV-' || lpad(g::text, 5, '0'), date '2024-01-01' + (g % 300), date '2024-01-01' + (g % 300) + 30, date '2024-01-01' + (g % 300) + 30,
      100000 + (g * 7919) % 500000, CASE WHEN g % 3 = 0 THEN 100000 + (g * 7919) % 500000 WHEN g % 3 = 1 THEN 5000 ELSE 0 END,
      CASE WHEN g % 3 = 0 THEN 'SUCCESS' ELSE 'AWAITING' END, 'test', 'test'
    FROM generate_series(1, ${N}) g`.execute(db)
})
afterAll(async () => t.dispose())

const get = (q: string) =>
  t.app.inject({ method: 'GET', url: `/api/receivables?counterpartyType=company&counterpartyId=77&${q}`, headers: H })

describe(`receivables page over ${N} rows`, () => {
  it.each(['invoiceNumber', 'invoiceDate', 'dueDate', 'amount', 'paid', 'remaining', 'stage', 'daysOverdue'])(
    'sorts by %s across pages',
    async (sort) => {
      const key = sort as 'amount'
      const p1 = (await get(`sort=${sort}&dir=asc&pageSize=200&page=1`)).json()
      const p2 = (await get(`sort=${sort}&dir=asc&pageSize=200&page=2`)).json()
      expect(p1.total).toBe(N)
      const rows = [...p1.rows, ...p2.rows]
      expect(new Set(rows.map((r: { id: number }) => r.id)).size).toBe(400)
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1][key] <= rows[i][key]).toBe(true)
      const last = (await get(`sort=${sort}&dir=desc&pageSize=1`)).json().rows[0]
      expect(last[key] >= rows[rows.length - 1][key]).toBe(true)
    },
  )

  it('filters and searches with the right totals', async () => {
    expect((await get('filter=paid&pageSize=1')).json().total).toBe(N / 3)
    expect((await get('filter=open&pageSize=1')).json().total).toBe((N * 2) / 3)
    expect((await get('q=INV-0012&pageSize=50')).json().total).toBe(10)
    const summary = (
      await t.app.inject({ method: 'GET', url: '/api/counterparties/company/77/summary', headers: H })
    ).json()
    expect(summary).toMatchObject({ colour: 'red', openCount: (N * 2) / 3 })
  })
})
