// The scheduled reconcile on the sandbox portal, beyond the lost new item of sandbox-flow: an amount
// changed in the portal while its event was lost is picked up from the updatedTime cursor; totals a
// person overwrote in the card (drift) are re-mirrored; a holiday due date turns overdue with 1 day
// and the ledger marks it applied; Days overdue is rewritten once a day for every overdue item.
import { describe, expect, it } from 'vitest'
import { reconcileReceivables } from '../../../server/use-cases/receivables/reconcile-receivables.ts'
import { useReceivablesSandbox } from './sandbox-driver.ts'

const d = useReceivablesSandbox()
const reconcile = () => reconcileReceivables(d.ports(), d.w.memberId)
const daysOverdue = async (id: number) => Number((await d.getItem(id))[d.field('daysOverdue')])

describe('reconcile on the sandbox portal', () => {
  it('heals lost events: a new item and a changed amount are read from the updatedTime cursor', async () => {
    const known = await d.newReceivable('R-1', 100_000, '2025-03-20')
    await reconcile()
    await d.drain()
    const lost = await d.portalItem('R-2', 40_000, '2025-03-20')
    await d.edit(known, { [d.field('amount')]: '1200|RUB' })
    const stats = await reconcile()
    expect(stats).toMatchObject({ read: 2, created: 1, updated: 1 })
    await d.drain()
    expect(await d.rec(lost)).toMatchObject({ amount: 40_000 })
    expect(await d.rec(known)).toMatchObject({ amount: 120_000, remaining: 120_000 })
    expect(await d.money(known, 'remaining')).toBe('120000|RUB')
    expect((await reconcile()).created).toBe(0)
  })

  it('re-mirrors drift when the card shows other totals than the ledger', async () => {
    const id = await d.newReceivable('R-3', 100_000, '2025-03-20')
    await d.edit(id, { [d.field('paid')]: '999|RUB' })
    const stats = await reconcile()
    expect(stats.drift).toBe(1)
    await d.drain()
    expect(await d.money(id, 'paid')).toBe('0|RUB')
  })

  it('a due date on a holiday turns overdue after the next working day, with 1 day overdue', async () => {
    const id = await d.newReceivable('R-4', 100_000, '2025-01-04', { [d.field('invoiceDate')]: '2024-12-20' })
    expect((await d.rec(id)).effectiveDueDate).toBe('2025-01-09')
    d.now = new Date('2025-01-10T06:00:00Z')
    const stats = await reconcile()
    expect(stats.overdue).toBeGreaterThanOrEqual(1)
    await d.drain()
    expect(await d.stageOf(id)).toBe('OVERDUE')
    expect(await daysOverdue(id)).toBe(1)
    expect(await d.rec(id)).toMatchObject({ stage: 'OVERDUE', overdueApplied: true })
  })

  it('Days overdue is rewritten once a day for every overdue item', async () => {
    const id = await d.newReceivable('R-5', 10_000, '2025-03-03')
    d.now = new Date('2025-03-20T09:00:00Z')
    expect((await reconcile()).daysOverdueRefreshed).toBeGreaterThanOrEqual(1)
    expect(await daysOverdue(id)).toBe(17)
    expect((await reconcile()).daysOverdueRefreshed).toBe(0)
    d.now = new Date('2025-03-21T09:00:00Z')
    await reconcile()
    expect(await daysOverdue(id)).toBe(18)
  })
})
