// The daily scan stays within 1.2x of the minimum number of portal requests: one per 2,500 items
// read plus one per 50 writes (here 3,000 receivables; the 100,000 case is for bench/). The app is
// installed into a sandbox portal and talks to it through the production client; the requests are
// counted by the sandbox (a batch is one request), as a real portal would count them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { addDays } from '../../../server/domain/calendar/index.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { runDunningScan } from '../../../server/use-cases/dunning/run-dunning-scan.ts'
import { startReceivablesSandbox, type SandboxWorld } from '../receivables/sandbox-world.ts'
import { at } from './simulate.ts'

const N = 3000
let w: SandboxWorld

beforeAll(async () => {
  w = await startReceivablesSandbox()
  const M = w.memberId
  // the portal's 3,000 events about our own writes are not what is measured here: they would only load this test's server
  w.sb.admin.setFaults(w.portalId, { dropEventRate: 1 })
  const itemIds = w.sb.admin.seedItems(
    w.portalId,
    w.entityTypeId,
    Array.from({ length: N }, (_, i) => ({ title: `N-${i}` })),
  )
  const db = w.ctx.database.db
  const cps = await db
    .insertInto('counterparties')
    .values(
      Array.from({ length: 300 }, (_, i) => ({
        member_id: M,
        entity_type: 'company' as const,
        entity_id: 1 + i,
        name: `C${i}`,
        inn: null,
        kpp: null,
        email: null,
      })),
    )
    .returning('id')
    .execute()
  for (let k = 0; k < N; k += 1000) {
    await db
      .insertInto('receivables')
      .values(
        Array.from({ length: 1000 }, (_, j) => {
          const i = k + j
          const due = addDays('2025-06-02', i % 60)
          return {
            member_id: M,
            counterparty_id: Number(cps[i % 300].id),
            item_id: itemIds[i],
            invoice_number: `N-${i}`,
            invoice_date: '2025-05-01',
            due_date: due,
            effective_due_date: due,
            amount: 1000_00,
            created_by: 't',
            created_source: 't',
          }
        }),
      )
      .execute()
  }
}, 60_000)
// the sandbox first: its event deliveries still in flight would hold our server's close for a minute
afterAll(async () => {
  await w.close()
}, 30_000)

describe('dunning scan at scale', () => {
  it('reads in pages of 2,500 and writes in batches of 50, within 1.2x of the minimum', async () => {
    const sent: string[] = []
    const ports = dunningPorts(w.ctx, {
      clients: w.client,
      installState: async () => w.installState,
      now: () => at('2025-06-20', 8),
      send: async (_n, _d, o) => {
        sent.push(o.key!)
        return null
      },
    })
    const requests = () => w.sb.admin.counters(w.portalId).requests
    w.sb.admin.resetCounters(w.portalId)
    const stats = await runDunningScan(ports, w.memberId)
    expect(stats.open).toBe(N)
    const minimum = Math.ceil(N / 2500) + Math.ceil(stats.nextDateWrites / 50)
    expect(stats.nextDateWrites).toBeGreaterThan(0)
    expect(requests()).toBeLessThanOrEqual(Math.ceil(minimum * 1.2))
    expect(new Set(sent).size).toBe(sent.length)
    expect(stats.reminders).toBeGreaterThan(0)
    // the writes reached the portal's cards
    const field = w.installState.processes.receivables!.fields.nextReminderDate.upperName
    expect(w.sb.admin.items(w.portalId, w.entityTypeId).filter((i) => i[field]).length).toBe(stats.nextDateWrites)
    // a second scan the same day changes nothing: only the read
    w.sb.admin.resetCounters(w.portalId)
    const again = await runDunningScan(ports, w.memberId)
    expect(again.nextDateWrites).toBe(0)
    expect(requests()).toBe(Math.ceil(N / 2500))
    const stored = await sql<{
      n: number
    }>`SELECT count(*)::int AS n FROM dunning_receivables WHERE member_id = ${w.memberId} AND next_reminder_date IS NOT NULL`.execute(
      w.ctx.database.db,
    )
    expect(stored.rows[0].n).toBeGreaterThan(0)
  }, 60_000)
})
