// Receivables against a portal: events -> ledger, payments -> one write batch (stage, fields,
// totals comments updated in place, manager notified), manual moves respected, reconcile heals.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { receivablesPorts, type ReceivablesPorts } from '../../../server/use-cases/receivables-ports.ts'
import { handleReceivableItemEvent } from '../../../server/use-cases/handle-receivable-item-event.ts'
import { mirrorReceivable } from '../../../server/use-cases/mirror-receivable.ts'
import { recordPayment } from '../../../server/use-cases/record-payment.ts'
import { reversePayment } from '../../../server/use-cases/reverse-payment.ts'
import { reconcileReceivables } from '../../../server/use-cases/reconcile-receivables.ts'
import type { MirrorJobData } from '../../../server/use-cases/enqueue-mirror.ts'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'
import { ETID, FakePortal, installState } from './fake-portal.ts'

const M = 'member-a'
let t: Awaited<ReturnType<typeof createTestContext>>
let portal: FakePortal
let now: Date
let queued: MirrorJobData[] = []
const seen = new Set<string>()
const who = { memberId: M, actor: 'user:5', source: 'ui' }

const ports = (): ReceivablesPorts => ({
  ...receivablesPorts(t.ctx, { clients: portal, installState: async () => installState, now: () => now }),
  send: async (_name, data, o) => { if (!seen.has(o.key!)) { seen.add(o.key!); queued.push(data as MirrorJobData) } },
})
/** Runs the queued mirror jobs like the worker: a retryable failure is retried (pg-boss backs off). */
async function drain(): Promise<number> {
  let attempts = 0
  while (queued.length) {
    const job = queued[0]
    attempts++
    try { await mirrorReceivable(ports(), job); queued.shift() } catch (e) { if (attempts > 5) throw e }
  }
  return attempts
}
const rec = async (itemId: number) => (await receivablesRepository(t.ctx.database.db).getByItem(M, itemId))!
const item = (n: string, kopecks: number, due: string, extra: Record<string, unknown> = {}) => ({
  title: n, companyId: 12, assignedById: 5, ufCrm7RcInvoiceNo: n, ufCrm7RcInvoiceDate: '2025-03-01T00:00:00+03:00',
  ufCrm7RcDueDate: `${due}T00:00:00+03:00`, ufCrm7RcAmount: `${kopecks / 100}|RUB`, ...extra,
})
async function newReceivable(n: string, kopecks: number, due: string, extra: Record<string, unknown> = {}): Promise<number> {
  const id = portal.addItem(item(n, kopecks, due, extra))
  await handleReceivableItemEvent(ports(), M, ETID, id)
  await drain()
  return id
}

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, M)
})
afterAll(async () => t.dispose())
beforeEach(() => {
  portal = new FakePortal(M)
  portal.parties.set('company:12', { ID: 12, TITLE: 'ООО Ромашка', EMAIL: [{ VALUE: 'buh@romashka.test' }] })
  now = new Date('2025-03-05T09:00:00Z')
  queued = []
})

describe('portal item events -> ledger', () => {
  it('a new item with an invoice becomes a receivable; its mirror creates both totals comments once', async () => {
    const id = portal.addItem(item('INV-100', 100_000, '2025-03-11'))
    const out = await handleReceivableItemEvent(ports(), M, ETID, id)
    expect(out.status).toBe('created')
    expect(portal.requests).toBe(1)
    await drain()
    expect(portal.requests).toBe(2)
    const r = await rec(id)
    expect(r).toMatchObject({ amount: 100_000, paid: 0, stage: 'NEW', invoiceNumber: 'INV-100' })
    expect(portal.items.get(id)).toMatchObject({ ufCrm7RcPaid: '0.00|RUB', ufCrm7RcRemaining: '1000.00|RUB', ufCrm7RcDaysOverdue: 0 })
    expect(portal.commentsOn(`dynamic_${ETID}`, id)).toHaveLength(1)
    expect(portal.commentsOn('company', 12)).toHaveLength(1)
    // our own write comes back as an update event: nothing changes, nothing is re-mirrored
    expect((await handleReceivableItemEvent(ports(), M, ETID, id)).status).toBe('unchanged')
    expect(queued).toHaveLength(0)
  })
})

describe('payments', () => {
  it('partial, full and overpayment: one write batch each, stage follows, comments updated in place', async () => {
    const id = await newReceivable('INV-200', 100_000, '2025-03-11')
    const r = await rec(id)
    for (const [amount, ref, stage, remaining] of [[30_000, 'b-1', 'PARTIAL', '700.00|RUB'], [70_000, 'b-2', 'SUCCESS', '0.00|RUB'], [5_000, 'b-3', 'SUCCESS', '0.00|RUB']] as const) {
      const before = portal.requests
      await recordPayment(ports(), who, { receivableId: r.id, amount, paidOn: '2025-03-05', source: 'bank-statement', sourceRef: ref })
      await drain()
      expect(portal.requests - before).toBeLessThanOrEqual(2)
      expect(portal.requests - before).toBe(1)
      expect(portal.stageOf(id)).toBe(stage)
      expect(portal.items.get(id)!.ufCrm7RcRemaining).toBe(remaining)
    }
    const comments = portal.commentsOn(`dynamic_${ETID}`, id)
    expect(comments).toHaveLength(1)
    expect(String(comments[0].COMMENT)).toContain('Аванс: 50,00 RUB')
    expect(portal.commentsOn('company', 12)).toHaveLength(1)
    expect(portal.notifications.map((n) => n.USER_ID)).toEqual([5, 5, 5])
    expect((await rec(id))).toMatchObject({ paid: 105_000, remaining: 0, stage: 'SUCCESS', manualStage: false })
  })

  it('a duplicate source reference is recorded once and mirrored once', async () => {
    const id = await newReceivable('INV-300', 50_000, '2025-03-11')
    const r = await rec(id)
    const a = await recordPayment(ports(), who, { receivableId: r.id, amount: 10_000, paidOn: '2025-03-05', source: 'bank-statement', sourceRef: 'dup-1' })
    const b = await recordPayment(ports(), who, { receivableId: r.id, amount: 10_000, paidOn: '2025-03-05', source: 'bank-statement', sourceRef: 'dup-1' })
    expect([a.duplicate, b.duplicate]).toEqual([false, true])
    expect(queued).toHaveLength(1)
    await drain()
    expect(await rec(id)).toMatchObject({ paid: 10_000 })
  })

  it('a reversal moves a paid receivable back and updates the same comment', async () => {
    const id = await newReceivable('INV-400', 50_000, '2025-03-11')
    const r = await rec(id)
    const p = await recordPayment(ports(), who, { receivableId: r.id, amount: 50_000, paidOn: '2025-03-05', source: 'manual', sourceRef: 'r-1' })
    await drain()
    expect(portal.stageOf(id)).toBe('SUCCESS')
    await reversePayment(ports(), who, p.payment.id, 'returned by the bank', '2025-03-06')
    await drain()
    expect(portal.stageOf(id)).toBe('AWAITING')
    expect(await rec(id)).toMatchObject({ paid: 0, remaining: 50_000 })
    expect(portal.commentsOn(`dynamic_${ETID}`, id)).toHaveLength(1)
    expect(String(portal.commentsOn(`dynamic_${ETID}`, id)[0].COMMENT)).toContain('Остаток: 500,00 RUB')
  })

  it('a payment while the portal answers 503 lands after a retry, once', async () => {
    const id = await newReceivable('INV-500', 80_000, '2025-03-11')
    const r = await rec(id)
    portal.failNext = 2
    await recordPayment(ports(), who, { receivableId: r.id, amount: 20_000, paidOn: '2025-03-05', source: 'robot', sourceRef: 'x-1' })
    expect(await drain()).toBe(3)
    expect(portal.stageOf(id)).toBe('PARTIAL')
    expect(portal.commentsOn(`dynamic_${ETID}`, id)).toHaveLength(1)
    expect(portal.notifications).toHaveLength(1)
  })

  it('an answer lost after the portal created the comments: found by marker, never a second comment', async () => {
    const id = portal.addItem(item('INV-600', 80_000, '2025-03-11'))
    await handleReceivableItemEvent(ports(), M, ETID, id)
    portal.loseNextAnswer = true
    await drain()
    expect(portal.commentsOn(`dynamic_${ETID}`, id)).toHaveLength(1)
    const r = await rec(id)
    await recordPayment(ports(), who, { receivableId: r.id, amount: 20_000, paidOn: '2025-03-05', source: 'manual', sourceRef: 'l-1' })
    const before = portal.requests
    await drain()
    expect(portal.requests - before).toBe(1)
    expect(portal.commentsOn(`dynamic_${ETID}`, id)).toHaveLength(1)
    expect(String(portal.commentsOn(`dynamic_${ETID}`, id)[0].COMMENT)).toContain('Оплачено: 200,00 RUB')
  })
})

describe('stages', () => {
  it('a manual move is recorded, audited and not fought by a partial payment', async () => {
    const id = await newReceivable('INV-700', 100_000, '2025-03-11')
    portal.editItem(id, { stageId: `DT${ETID}_5:NEGOTIATION`, movedBy: 9 })
    await handleReceivableItemEvent(ports(), M, ETID, id)
    const r = await rec(id)
    expect(r).toMatchObject({ stage: 'NEGOTIATION', manualStage: true })
    const audit = await t.ctx.repos.audit.list(M, 'receivable', String(r.id))
    expect(audit[0]).toMatchObject({ action: 'receivable.stage-moved-manually', actor: 'user:9' })
    await recordPayment(ports(), who, { receivableId: r.id, amount: 10_000, paidOn: '2025-03-05', source: 'manual', sourceRef: 'n-1' })
    await drain()
    expect(portal.stageOf(id)).toBe('NEGOTIATION')
    expect(portal.items.get(id)!.ufCrm7RcPaid).toBe('100.00|RUB')
  })

  it('moving to Sent to client e-mails the invoice once and moves on to Awaiting payment', async () => {
    const id = await newReceivable('INV-800', 100_000, '2025-03-11')
    portal.editItem(id, { stageId: `DT${ETID}_5:SENT`, movedBy: 5 })
    await handleReceivableItemEvent(ports(), M, ETID, id)
    expect(portal.activities).toHaveLength(1)
    expect(portal.activities[0]).toMatchObject({ TYPE_ID: 4, DIRECTION: 2, COMPLETED: 'Y', COMMUNICATIONS: [{ VALUE: 'buh@romashka.test' }] })
    expect(portal.stageOf(id)).toBe('AWAITING')
    expect(await rec(id)).toMatchObject({ stage: 'AWAITING', manualStage: false })
    portal.editItem(id, { stageId: `DT${ETID}_5:SENT`, movedBy: 5 })
    await handleReceivableItemEvent(ports(), M, ETID, id)
    expect(portal.activities).toHaveLength(1)
  })

  it('a due date on a holiday is overdue only after the next working day', async () => {
    const id = await newReceivable('INV-900', 100_000, '2025-01-04', { ufCrm7RcInvoiceDate: '2024-12-20T00:00:00+03:00' })
    expect((await rec(id)).effectiveDueDate).toBe('2025-01-09')
    now = new Date('2025-01-09T12:00:00Z')
    await reconcileReceivables(ports(), M)
    await drain()
    expect(portal.stageOf(id)).toBe('NEW')
    now = new Date('2025-01-10T06:00:00Z')
    const stats = await reconcileReceivables(ports(), M)
    expect(stats.overdue).toBeGreaterThanOrEqual(1)
    await drain()
    expect(portal.stageOf(id)).toBe('OVERDUE')
    expect(portal.items.get(id)!.ufCrm7RcDaysOverdue).toBe(1)
    expect(await rec(id)).toMatchObject({ stage: 'OVERDUE', overdueApplied: true })
  })
})

describe('reconcile', () => {
  it('heals lost events: a new item and a changed amount are picked up from the updatedTime cursor', async () => {
    const known = await newReceivable('INV-1000', 100_000, '2025-03-20')
    await reconcileReceivables(ports(), M)
    await drain()
    const lost = portal.addItem(item('INV-1001', 40_000, '2025-03-20'))
    portal.editItem(known, { ufCrm7RcAmount: '1200|RUB' })
    const stats = await reconcileReceivables(ports(), M)
    expect(stats).toMatchObject({ read: 2, created: 1, updated: 1 })
    await drain()
    expect(await rec(lost)).toMatchObject({ amount: 40_000 })
    expect(await rec(known)).toMatchObject({ amount: 120_000, remaining: 120_000 })
    expect(portal.items.get(known)!.ufCrm7RcRemaining).toBe('1200.00|RUB')
    expect((await reconcileReceivables(ports(), M)).created).toBe(0)
  })

  it('re-mirrors drift when the portal shows other totals than the ledger', async () => {
    const id = await newReceivable('INV-1100', 100_000, '2025-03-20')
    portal.editItem(id, { ufCrm7RcPaid: '999|RUB' })
    const stats = await reconcileReceivables(ports(), M)
    expect(stats.drift).toBe(1)
    await drain()
    expect(portal.items.get(id)!.ufCrm7RcPaid).toBe('0.00|RUB')
  })
})
