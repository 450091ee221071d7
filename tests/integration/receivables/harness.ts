// Shared set-up of the receivables portal tests: a test app context, one portal double, a clock,
// and a captured mirror queue drained like the worker (a failed attempt is retried).
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { receivablesPorts, type ReceivablesPorts } from '../../../server/use-cases/receivables-ports.ts'
import { handleReceivableItemEvent } from '../../../server/use-cases/handle-receivable-item-event.ts'
import { mirrorReceivable } from '../../../server/use-cases/mirror-receivable.ts'
import type { MirrorJobData } from '../../../server/use-cases/enqueue-mirror.ts'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'
import { ETID, FakePortal, installState } from './fake-portal.ts'

export const M = 'member-a'

export function useReceivablesHarness() {
  const h = {
    t: null as unknown as Awaited<ReturnType<typeof createTestContext>>,
    portal: null as unknown as FakePortal,
    now: new Date(),
    queued: [] as MirrorJobData[],
    seen: new Set<string>(),
    who: { memberId: M, actor: 'user:5', source: 'ui' },
    ports(): ReceivablesPorts {
      return {
        ...receivablesPorts(h.t.ctx, { clients: h.portal, installState: async () => installState, now: () => h.now }),
        send: async (_name, data, o) => { if (!h.seen.has(o.key!)) { h.seen.add(o.key!); h.queued.push(data as MirrorJobData) } },
      }
    },
    /** Runs the queued mirror jobs like the worker: a retryable failure is retried (pg-boss backs off). */
    async drain(): Promise<number> {
      let attempts = 0
      while (h.queued.length) {
        attempts++
        try { await mirrorReceivable(h.ports(), h.queued[0]); h.queued.shift() } catch (e) { if (attempts > 5) throw e }
      }
      return attempts
    },
    async rec(itemId: number) { return (await receivablesRepository(h.t.ctx.database.db).getByItem(M, itemId))! },
    item(n: string, kopecks: number, due: string, extra: Record<string, unknown> = {}) {
      return {
        title: n, companyId: 12, assignedById: 5, ufCrm7RcInvoiceNo: n, ufCrm7RcInvoiceDate: '2025-03-01T00:00:00+03:00',
        ufCrm7RcDueDate: `${due}T00:00:00+03:00`, ufCrm7RcAmount: `${kopecks / 100}|RUB`, ...extra,
      }
    },
    async newReceivable(n: string, kopecks: number, due: string, extra: Record<string, unknown> = {}): Promise<number> {
      const id = h.portal.addItem(h.item(n, kopecks, due, extra))
      await handleReceivableItemEvent(h.ports(), M, ETID, id)
      await h.drain()
      return id
    },
  }
  beforeAll(async () => {
    h.t = await createTestContext()
    await seedPortal(h.t.ctx, M)
  })
  afterAll(async () => h.t.dispose())
  beforeEach(() => {
    h.portal = new FakePortal(M)
    h.portal.parties.set('company:12', { ID: 12, TITLE: 'ООО Ромашка', EMAIL: [{ VALUE: 'buh@romashka.test' }] })
    h.now = new Date('2025-03-05T09:00:00Z')
    h.queued = []
  })
  return h
}
