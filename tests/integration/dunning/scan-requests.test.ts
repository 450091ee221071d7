// The daily scan stays within 1.2x of the minimum number of portal requests: one per 2,500 items
// read plus one per 50 writes (here 3,000 receivables; the 100,000 case is for bench/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { addDays } from '../../../server/domain/calendar/index.ts'
import { dunningPorts } from '../../../server/use-cases/dunning-ports.ts'
import { runDunningScan } from '../../../server/use-cases/run-dunning-scan.ts'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { FakePortal, RETID, installState } from './fake-portal.ts'
import { at } from './simulate.ts'

const M = 'member-scale'
const N = 3000
let t: Awaited<ReturnType<typeof createTestContext>>
const portal = new FakePortal(M)

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, M)
  const db = t.ctx.database.db
  const cps = await db.insertInto('counterparties').values(Array.from({ length: 300 }, (_, i) => ({ member_id: M, entity_type: 'company' as const, entity_id: 1 + i, name: `C${i}`, inn: null, kpp: null, email: null })))
    .returning('id').execute()
  for (let i = 0; i < N; i++) portal.items.set(10_000 + i, { id: 10_000 + i, entityTypeId: RETID })
  for (let k = 0; k < N; k += 1000) {
    await db.insertInto('receivables').values(Array.from({ length: 1000 }, (_, j) => {
      const i = k + j
      const due = addDays('2025-06-02', i % 60)
      return { member_id: M, counterparty_id: Number(cps[i % 300].id), item_id: 10_000 + i, invoice_number: `N-${i}`, invoice_date: '2025-05-01', due_date: due, effective_due_date: due, amount: 1000_00, created_by: 't', created_source: 't' }
    })).execute()
  }
}, 60_000)
afterAll(async () => t.dispose())

describe('dunning scan at scale', () => {
  it('reads in pages of 2,500 and writes in batches of 50, within 1.2x of the minimum', async () => {
    const sent: string[] = []
    const ports = dunningPorts(t.ctx, { clients: portal, installState: async () => installState, now: () => at('2025-06-20', 8), send: async (_n, _d, o) => { sent.push(o.key!); return null } })
    const stats = await runDunningScan(ports, M)
    expect(stats.open).toBe(N)
    const minimum = Math.ceil(N / 2500) + Math.ceil(stats.nextDateWrites / 50)
    expect(stats.nextDateWrites).toBeGreaterThan(0)
    expect(portal.requests).toBeLessThanOrEqual(Math.ceil(minimum * 1.2))
    expect(new Set(sent).size).toBe(sent.length)
    expect(stats.reminders).toBeGreaterThan(0)
    // a second scan the same day changes nothing: only the read
    portal.requests = 0
    const again = await runDunningScan(ports, M)
    expect(again.nextDateWrites).toBe(0)
    expect(portal.requests).toBe(Math.ceil(N / 2500))
    const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM dunning_receivables WHERE member_id = ${M} AND next_reminder_date IS NOT NULL`.execute(t.ctx.database.db)
    expect(stored.rows[0].n).toBeGreaterThan(0)
  }, 60_000)
})
