// HTTP keeps answering while a big statement import is matched in the same process (npm start runs
// the worker beside the server): /healthz is asked over a real socket again and again during the
// matching of a 3,000-line import, and answers 200 while the import is still being processed. The
// import ends matched as the file says (three lines in four name their invoice). Functional, not a
// timing test: the latency figures are in bench/healthz-under-load.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { statementsRepository } from '../../../server/storage/repositories/statements.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { matchStatement } from '../../../server/use-cases/statements/match-statement.ts'

const LINES = 3000
let t: Awaited<ReturnType<typeof createTestContext>>
let url = ''
let importId = 0

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, 'member-a')
  await t.ctx.repos.portals.saveTokens('member-a', {
    accessToken: 'a',
    refreshToken: 'r',
    expiresAt: new Date(Date.now() + 3600_000),
    userId: 1,
    scope: 'crm',
  })
  const db = t.ctx.database.db
  await sql`INSERT INTO counterparties (member_id, entity_type, entity_id, name, inn)
    SELECT 'member-a', 'company', g, 'ООО Клиент ' || g, (7700000000 + g)::text FROM generate_series(1, ${LINES / 5}) g`.execute(
    db,
  )
  await sql`INSERT INTO receivables (member_id, counterparty_id, invoice_number, invoice_date, due_date, effective_due_date, amount, created_by, created_source)
    SELECT 'member-a', c.id, 'N-' || g, DATE '2024-11-01', DATE '2024-12-01', DATE '2024-12-01', ((g % 900) + 100) * 100, 'test', 'test'
    FROM generate_series(1, ${LINES}) g JOIN counterparties c ON c.member_id = 'member-a' AND c.entity_id = ((g - 1) / 5) + 1`.execute(
    db,
  )
  const imp = await statementsRepository(db).create(
    'member-a',
    {
      fileName: 'big.txt',
      format: '1c',
      sha256: 'big',
      sizeBytes: 0,
      uploadedBy: 'test',
      documents: LINES,
      balances: [],
      warnings: [],
    },
    Array.from({ length: LINES }, (_, i) => {
      const byInvoice = i % 4 !== 3
      return {
        lineKey: `big-${i}`,
        position: i + 1,
        direction: 'incoming' as const,
        docNumber: String(i + 1),
        valueDate: '2024-12-02',
        amount: byInvoice ? (((i + 1) % 900) + 100) * 100 : 12345,
        payerInn: null, // matched by the invoice numbers in the purpose (these made-up INNs fail the checksum)
        payerKpp: null,
        payerName: 'ООО Клиент',
        purpose: byInvoice ? `Оплата по счету № N-${i + 1} от 01.11.2024` : 'Оплата по договору',
      }
    }),
  )
  importId = imp.id
  url = await t.app.listen({ host: '127.0.0.1', port: 0 })
}, 300_000)
afterAll(async () => t?.dispose())

describe('HTTP during a big statement import', () => {
  it('/healthz answers while the import is being matched', async () => {
    const repo = statementsRepository(t.ctx.database.db)
    let finished = false
    const matching = matchStatement(dunningPorts(t.ctx), 'member-a', importId).finally(() => {
      finished = true
    })
    const answeredDuring: number[] = []
    while (!finished) {
      const r = await fetch(`${url}/healthz`)
      await r.arrayBuffer()
      const now = await repo.get('member-a', importId)
      if (!finished && r.status === 200 && now?.status === 'processing') answeredDuring.push(now.processed)
    }
    const out = await matching
    expect(answeredDuring.length).toBeGreaterThan(0)
    expect(Math.min(...answeredDuring)).toBeLessThan(LINES)
    expect(out).toMatchObject({ status: 'done', matched: (LINES * 3) / 4, review: LINES / 4 })
  }, 300_000)
})
