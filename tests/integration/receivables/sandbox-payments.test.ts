// Payments and stage moves on the sandbox portal, the details sandbox-flow does not look at: our own
// write echoed back as an event changes nothing; each payment rewrites Paid / Remaining and notifies
// the responsible once (also through a 503 burst); a duplicate reference queues one mirror; the
// reversal's comment shows the debt again; a manual stage still gets Paid; the invoice e-mail is a
// completed outgoing e-mail activity to the counterparty's address and the ledger goes back to automatic.
import { describe, expect, it } from 'vitest'
import { handleReceivableItemEvent } from '../../../server/use-cases/receivables/handle-receivable-item-event.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { reversePayment } from '../../../server/use-cases/receivables/reverse-payment.ts'
import { useReceivablesSandbox } from './sandbox-driver.ts'

const d = useReceivablesSandbox()
const handle = (id: number) => handleReceivableItemEvent(d.ports(), d.w.memberId, d.w.entityTypeId, id)
const pay = async (itemId: number, amount: number, sourceRef: string, source: 'bank-statement' | 'manual' = 'manual') =>
  recordPayment(d.ports(), d.who(), {
    receivableId: (await d.rec(itemId)).id,
    amount,
    paidOn: '2025-03-05',
    source,
    sourceRef,
  })

describe('ledger and card on the sandbox portal', () => {
  it('a new receivable shows nothing paid and no days overdue; our own write echoed back changes nothing', async () => {
    const id = await d.newReceivable('P-1', 100_000, '2025-03-11')
    expect(await d.rec(id)).toMatchObject({ amount: 100_000, paid: 0, stage: 'NEW' })
    expect(await d.money(id, 'paid')).toBe('0|RUB')
    expect(await d.money(id, 'remaining')).toBe('100000|RUB')
    expect(Number((await d.getItem(id))[d.field('daysOverdue')] ?? 0)).toBe(0)
    expect((await handle(id)).status).toBe('unchanged')
    expect(d.queued).toHaveLength(0)
  })

  it('each payment rewrites Remaining and notifies the responsible once, a 503 burst included; the ledger ends paid in full', async () => {
    const id = await d.newReceivable('P-2', 100_000, '2025-03-11')
    for (const [amount, ref, code, remaining] of [
      [30_000, 'p2-1', 'PARTIAL', '70000|RUB'],
      [70_000, 'p2-2', 'SUCCESS', '0|RUB'],
      [5_000, 'p2-3', 'SUCCESS', '0|RUB'],
    ] as const) {
      if (ref === 'p2-2') d.w.sb.admin.failNext(d.w.portalId, { count: 2, status: 503, error: 'QUERY_LIMIT_EXCEEDED' })
      await pay(id, amount, ref, 'bank-statement')
      await d.drain()
      expect(await d.stageOf(id)).toBe(code)
      expect(await d.money(id, 'remaining')).toBe(remaining)
    }
    expect(d.notificationsTo(d.w.managerId, 'P-2')).toHaveLength(3)
    expect(await d.rec(id)).toMatchObject({ paid: 105_000, remaining: 0, stage: 'SUCCESS', manualStage: false })
  })

  it('a duplicate source reference queues one mirror job', async () => {
    const id = await d.newReceivable('P-3', 50_000, '2025-03-11')
    const a = await pay(id, 10_000, 'p3-dup', 'bank-statement')
    const b = await pay(id, 10_000, 'p3-dup', 'bank-statement')
    expect([a.duplicate, b.duplicate]).toEqual([false, true])
    expect(d.queued).toHaveLength(1)
    await d.drain()
    expect(await d.rec(id)).toMatchObject({ paid: 10_000 })
  })

  it('after a reversal the same comment shows the whole debt remaining again', async () => {
    const id = await d.newReceivable('P-4', 50_000, '2025-03-11')
    const p = await pay(id, 50_000, 'p4')
    await d.drain()
    await reversePayment(d.ports(), d.who(), p.payment.id, 'returned by the bank', '2025-03-06')
    await d.drain()
    const comments = d.itemComments(id)
    expect(comments).toHaveLength(1)
    expect(String(comments[0].COMMENT)).toContain('Остаток: 500,00 ₽')
  })

  it('a payment on a card moved by hand keeps the stage and still writes Paid', async () => {
    const id = await d.newReceivable('P-5', 100_000, '2025-03-11')
    await d.edit(id, { stageId: d.stage('NEGOTIATION') })
    await handle(id)
    await pay(id, 10_000, 'p5')
    await d.drain()
    expect(await d.stageOf(id)).toBe('NEGOTIATION')
    expect(await d.money(id, 'paid')).toBe('10000|RUB')
  })

  it('Sent to client: one completed outgoing e-mail activity to the counterparty, the ledger back to automatic', async () => {
    const id = await d.newReceivable('P-6', 100_000, '2025-03-11')
    await d.edit(id, { stageId: d.stage('SENT') })
    await handle(id)
    const mails = d.activitiesOn(id).filter((a) => Number(a.TYPE_ID) === 4)
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({
      TYPE_ID: 4,
      DIRECTION: 2,
      COMPLETED: 'Y',
      COMMUNICATIONS: [expect.objectContaining({ VALUE: 'buh@romashka.test' })],
    })
    expect(await d.stageOf(id)).toBe('AWAITING')
    expect(await d.rec(id)).toMatchObject({ stage: 'AWAITING', manualStage: false })
    await d.edit(id, { stageId: d.stage('SENT') })
    await handle(id)
    expect(d.activitiesOn(id).filter((a) => Number(a.TYPE_ID) === 4)).toHaveLength(1)
  })
})
