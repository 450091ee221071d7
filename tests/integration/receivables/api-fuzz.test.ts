// Generated bad input for the receivables writes: never a 5xx, and a refused request writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sql } from 'kysely'
import { createTestContext, seedPortal } from '../../helpers/app.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
const H = { authorization: 'Bearer token', 'x-b24-member-id': 'member-a' }
let receivableId = 0

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, 'member-a')
  t.ctx.verifyUserToken = async () => ({ userId: 4, isAdmin: false })
  // the user is the chief accountant named in the admin page: company-wide views are theirs (crm-visibility.ts)
  await t.ctx.repos.settings.set('member-a', 'approvals.roles', { chiefAccountant: 4 }, null)
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/receivables',
    headers: H,
    payload: {
      counterparty: { type: 'company', id: 1 },
      invoiceNumber: 'F-1',
      invoiceDate: '2025-01-01',
      dueDate: '2025-01-31',
      amount: 100_000,
    },
  })
  receivableId = r.json().id
})
afterAll(async () => t.dispose())

const rows = async () =>
  (
    await sql<{
      n: number
    }>`SELECT (SELECT count(*) FROM receivables) + (SELECT count(*) FROM payments) + (SELECT count(*) FROM contracts) AS n`.execute(
      t.ctx.database.db,
    )
  ).rows[0].n

const junk = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.constant(-1),
  fc.constant(0),
  fc.constant(1e13),
  fc.constant('2025-02-30'),
  fc.constant('100'),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
)

const badInvoice = fc.record(
  {
    counterparty: fc.oneof(junk, fc.record({ type: fc.oneof(fc.constant('company'), junk), id: junk })),
    contract: fc.oneof(fc.constant(undefined), junk, fc.record({ number: junk, date: junk, paymentTermsDays: junk })),
    invoiceNumber: junk,
    invoiceDate: junk,
    dueDate: junk,
    amount: junk,
    currency: fc.oneof(fc.constant(undefined), junk),
  },
  { requiredKeys: [] },
)

const badPayment = fc
  .record({ amount: junk, paidOn: junk, sourceRef: junk, comment: junk }, { requiredKeys: [] })
  .filter(
    (p) =>
      !(
        typeof p.amount === 'number' &&
        Number.isSafeInteger(p.amount) &&
        p.amount > 0 &&
        p.amount < 1e13 &&
        typeof p.paidOn === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(p.paidOn) &&
        typeof p.sourceRef === 'string' &&
        p.sourceRef.trim() !== ''
      ),
  )

describe('fuzzing the receivables writes', () => {
  it('POST /api/receivables: 4xx and no write for malformed invoices', async () => {
    await fc.assert(
      fc.asyncProperty(badInvoice, async (body) => {
        const before = await rows()
        const r = await t.app.inject({ method: 'POST', url: '/api/receivables', headers: H, payload: body as object })
        expect(r.statusCode).toBeLessThan(500)
        if (r.statusCode >= 400) expect(await rows()).toBe(before)
      }),
      { numRuns: 300 },
    )
  })

  it('POST /api/receivables/:id/payments: 4xx and no write for malformed payments', async () => {
    await fc.assert(
      fc.asyncProperty(
        badPayment,
        fc.oneof(fc.constant(String(receivableId)), fc.string({ maxLength: 12 })),
        async (body, id) => {
          const before = await rows()
          const r = await t.app.inject({
            method: 'POST',
            url: `/api/receivables/${encodeURIComponent(id)}/payments`,
            headers: H,
            payload: body as object,
          })
          expect(r.statusCode).toBeGreaterThanOrEqual(400)
          expect(r.statusCode).toBeLessThan(500)
          expect(await rows()).toBe(before)
        },
      ),
      { numRuns: 300 },
    )
  })
})
