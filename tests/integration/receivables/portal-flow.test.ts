// Receivables against a portal: events -> ledger, payments -> one write batch (stage, fields,
// totals comments updated in place, manager notified), manual moves respected, reconcile heals.
import { describe, expect, it } from 'vitest'
import { handleReceivableItemEvent } from '../../../server/use-cases/handle-receivable-item-event.ts'
import { recordPayment } from '../../../server/use-cases/record-payment.ts'
import { reversePayment } from '../../../server/use-cases/reverse-payment.ts'
import { reconcileReceivables } from '../../../server/use-cases/reconcile-receivables.ts'
import { ETID } from './fake-portal.ts'
import { M, useReceivablesHarness } from './harness.ts'

const h = useReceivablesHarness()

describe('portal item events -> ledger', () => {
  it('a new item with an invoice becomes a receivable; its mirror creates both totals comments once', async () => {
    const id = h.portal.addItem(h.item('INV-100', 100_000, '2025-03-11'))
    const out = await handleReceivableItemEvent(h.ports(), M, ETID, id)
    expect(out.status).toBe('created')
    expect(h.portal.requests).toBe(1)
    await h.drain()
    expect(h.portal.requests).toBe(2)
    const r = await h.rec(id)
    expect(r).toMatchObject({ amount: 100_000, paid: 0, stage: 'NEW', invoiceNumber: 'INV-100' })
    expect(h.portal.items.get(id)).toMatchObject({ ufCrm7RcPaid: '0.00|RUB', ufCrm7RcRemaining: '1000.00|RUB', ufCrm7RcDaysOverdue: 0 })
    expect(h.portal.commentsOn(`dynamic_${ETID}`, id)).toHaveLength(1)
    expect(h.portal.commentsOn('company', 12)).toHaveLength(1)
    // our own write comes back as an update event: nothing changes, nothing is re-mirrored
    expect((await handleReceivableItemEvent(h.ports(), M, ETID, id)).status).toBe('unchanged')
    expect(h.queued).toHaveLength(0)
  })
})

describe('payments', () => {
  it('partial, full and overpayment: one write batch each, stage follows, comments updated in place', async () => {
    const id = await h.newReceivable('INV-200', 100_000, '2025-03-11')
    const r = await h.rec(id)
    for (const [amount, ref, stage, remaining] of [[30_000, 'b-1', 'PARTIAL', '700.00|RUB'], [70_000, 'b-2', 'SUCCESS', '0.00|RUB'], [5_000, 'b-3', 'SUCCESS', '0.00|RUB']] as const) {
      const before = h.portal.requests
      await recordPayment(h.ports(), h.who, { receivableId: r.id, amount, paidOn: '2025-03-05', source: 'bank-statement', sourceRef: ref })
      await h.drain()
      expect(h.portal.requests - before).toBeLessThanOrEqual(2)
      expect(h.portal.requests - before).toBe(1)
      expect(h.portal.stageOf(id)).toBe(stage)
      expect(h.portal.items.get(id)!.ufCrm7RcRemaining).toBe(remaining)
    }
    const comments = h.portal.commentsOn(`dynamic_${ETID}`, id)
    expect(comments).toHaveLength(1)
    expect(String(comments[0].COMMENT)).toContain('Аванс: 50,00 RUB')
    expect(h.portal.commentsOn('company', 12)).toHaveLength(1)
    expect(h.portal.notifications.map((n) => n.USER_ID)).toEqual([5, 5, 5])
    expect((await h.rec(id))).toMatchObject({ paid: 105_000, remaining: 0, stage: 'SUCCESS', manualStage: false })
  })

  it('a duplicate source reference is recorded once and mirrored once', async () => {
    const id = await h.newReceivable('INV-300', 50_000, '2025-03-11')
    const r = await h.rec(id)
    const a = await recordPayment(h.ports(), h.who, { receivableId: r.id, amount: 10_000, paidOn: '2025-03-05', source: 'bank-statement', sourceRef: 'dup-1' })
    const b = await recordPayment(h.ports(), h.who, { receivableId: r.id, amount: 10_000, paidOn: '2025-03-05', source: 'bank-statement', sourceRef: 'dup-1' })
    expect([a.duplicate, b.duplicate]).toEqual([false, true])
    expect(h.queued).toHaveLength(1)
    await h.drain()
    expect(await h.rec(id)).toMatchObject({ paid: 10_000 })
  })

  it('a reversal moves a paid receivable back and updates the same comment', async () => {
    const id = await h.newReceivable('INV-400', 50_000, '2025-03-11')
    const r = await h.rec(id)
    const p = await recordPayment(h.ports(), h.who, { receivableId: r.id, amount: 50_000, paidOn: '2025-03-05', source: 'manual', sourceRef: 'r-1' })
    await h.drain()
    expect(h.portal.stageOf(id)).toBe('SUCCESS')
    await reversePayment(h.ports(), h.who, p.payment.id, 'returned by the bank', '2025-03-06')
    await h.drain()
    expect(h.portal.stageOf(id)).toBe('AWAITING')
    expect(await h.rec(id)).toMatchObject({ paid: 0, remaining: 50_000 })
    expect(h.portal.commentsOn(`dynamic_${ETID}`, id)).toHaveLength(1)
    expect(String(h.portal.commentsOn(`dynamic_${ETID}`, id)[0].COMMENT)).toContain('Остаток: 500,00 RUB')
  })

  it('a payment while the portal answers 503 lands after a retry, once', async () => {
    const id = await h.newReceivable('INV-500', 80_000, '2025-03-11')
    const r = await h.rec(id)
    h.portal.failNext = 2
    await recordPayment(h.ports(), h.who, { receivableId: r.id, amount: 20_000, paidOn: '2025-03-05', source: 'robot', sourceRef: 'x-1' })
    expect(await h.drain()).toBe(3)
    expect(h.portal.stageOf(id)).toBe('PARTIAL')
    expect(h.portal.commentsOn(`dynamic_${ETID}`, id)).toHaveLength(1)
    expect(h.portal.notifications).toHaveLength(1)
  })

  it('an answer lost after the portal created the comments: found by marker, never a second comment', async () => {
    const id = h.portal.addItem(h.item('INV-600', 80_000, '2025-03-11'))
    await handleReceivableItemEvent(h.ports(), M, ETID, id)
    h.portal.loseNextAnswer = true
    await h.drain()
    expect(h.portal.commentsOn(`dynamic_${ETID}`, id)).toHaveLength(1)
    const r = await h.rec(id)
    await recordPayment(h.ports(), h.who, { receivableId: r.id, amount: 20_000, paidOn: '2025-03-05', source: 'manual', sourceRef: 'l-1' })
    const before = h.portal.requests
    await h.drain()
    expect(h.portal.requests - before).toBe(1)
    expect(h.portal.commentsOn(`dynamic_${ETID}`, id)).toHaveLength(1)
    expect(String(h.portal.commentsOn(`dynamic_${ETID}`, id)[0].COMMENT)).toContain('Оплачено: 200,00 RUB')
  })
})

describe('stages', () => {
  it('a manual move is recorded, audited and not fought by a partial payment', async () => {
    const id = await h.newReceivable('INV-700', 100_000, '2025-03-11')
    h.portal.editItem(id, { stageId: `DT${ETID}_5:NEGOTIATION`, movedBy: 9 })
    await handleReceivableItemEvent(h.ports(), M, ETID, id)
    const r = await h.rec(id)
    expect(r).toMatchObject({ stage: 'NEGOTIATION', manualStage: true })
    const audit = await h.t.ctx.repos.audit.list(M, 'receivable', String(r.id))
    expect(audit[0]).toMatchObject({ action: 'receivable.stage-moved-manually', actor: 'user:9' })
    await recordPayment(h.ports(), h.who, { receivableId: r.id, amount: 10_000, paidOn: '2025-03-05', source: 'manual', sourceRef: 'n-1' })
    await h.drain()
    expect(h.portal.stageOf(id)).toBe('NEGOTIATION')
    expect(h.portal.items.get(id)!.ufCrm7RcPaid).toBe('100.00|RUB')
  })

  it('moving to Sent to client e-mails the invoice once and moves on to Awaiting payment', async () => {
    const id = await h.newReceivable('INV-800', 100_000, '2025-03-11')
    h.portal.editItem(id, { stageId: `DT${ETID}_5:SENT`, movedBy: 5 })
    await handleReceivableItemEvent(h.ports(), M, ETID, id)
    expect(h.portal.activities).toHaveLength(1)
    expect(h.portal.activities[0]).toMatchObject({ TYPE_ID: 4, DIRECTION: 2, COMPLETED: 'Y', COMMUNICATIONS: [{ VALUE: 'buh@romashka.test' }] })
    expect(h.portal.stageOf(id)).toBe('AWAITING')
    expect(await h.rec(id)).toMatchObject({ stage: 'AWAITING', manualStage: false })
    h.portal.editItem(id, { stageId: `DT${ETID}_5:SENT`, movedBy: 5 })
    await handleReceivableItemEvent(h.ports(), M, ETID, id)
    expect(h.portal.activities).toHaveLength(1)
  })

  it('a due date on a holiday is overdue only after the next working day', async () => {
    const id = await h.newReceivable('INV-900', 100_000, '2025-01-04', { ufCrm7RcInvoiceDate: '2024-12-20T00:00:00+03:00' })
    expect((await h.rec(id)).effectiveDueDate).toBe('2025-01-09')
    h.now = new Date('2025-01-09T12:00:00Z')
    await reconcileReceivables(h.ports(), M)
    await h.drain()
    expect(h.portal.stageOf(id)).toBe('NEW')
    h.now = new Date('2025-01-10T06:00:00Z')
    const stats = await reconcileReceivables(h.ports(), M)
    expect(stats.overdue).toBeGreaterThanOrEqual(1)
    await h.drain()
    expect(h.portal.stageOf(id)).toBe('OVERDUE')
    expect(h.portal.items.get(id)!.ufCrm7RcDaysOverdue).toBe(1)
    expect(await h.rec(id)).toMatchObject({ stage: 'OVERDUE', overdueApplied: true })
  })
})

describe('reconcile', () => {
  it('heals lost events: a new item and a changed amount are picked up from the updatedTime cursor', async () => {
    const known = await h.newReceivable('INV-1000', 100_000, '2025-03-20')
    await reconcileReceivables(h.ports(), M)
    await h.drain()
    const lost = h.portal.addItem(h.item('INV-1001', 40_000, '2025-03-20'))
    h.portal.editItem(known, { ufCrm7RcAmount: '1200|RUB' })
    const stats = await reconcileReceivables(h.ports(), M)
    expect(stats).toMatchObject({ read: 2, created: 1, updated: 1 })
    await h.drain()
    expect(await h.rec(lost)).toMatchObject({ amount: 40_000 })
    expect(await h.rec(known)).toMatchObject({ amount: 120_000, remaining: 120_000 })
    expect(h.portal.items.get(known)!.ufCrm7RcRemaining).toBe('1200.00|RUB')
    expect((await reconcileReceivables(h.ports(), M)).created).toBe(0)
  })

  it('re-mirrors drift when the portal shows other totals than the ledger', async () => {
    const id = await h.newReceivable('INV-1100', 100_000, '2025-03-20')
    h.portal.editItem(id, { ufCrm7RcPaid: '999|RUB' })
    const stats = await reconcileReceivables(h.ports(), M)
    expect(stats.drift).toBe(1)
    await h.drain()
    expect(h.portal.items.get(id)!.ufCrm7RcPaid).toBe('0.00|RUB')
  })
})
