// The demo's paid and rejected payment requests (scripts/demo/seed-decided.ts) in the approvals world:
// two complete requests start their routes from the portal's events; the seed carries one to Rejected
// (the head's reason on the card) and the other through head, finance and accounting to Paid, every
// step a real decision, task completion or card save, so both have their route history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalWorld, type ApprovalWorld } from './world.ts'
import { seedDecidedRequests } from '../../../scripts/demo/seed-decided.ts'

let w: ApprovalWorld
beforeAll(async () => {
  w = await approvalWorld()
}, 60_000)
afterAll(async () => w?.close(), 60_000)

describe('demo: a paid and a rejected payment request', () => {
  it('walks one request to Paid and one to Rejected, each with its route history', async () => {
    const U = w.U
    const request = (amount: string, n: number) =>
      w.save(U.initiator, null, {
        counterparty: `CO_${w.companyId}`,
        amount: `${amount}|RUB`,
        costItem: 'goods',
        initiator: U.initiator,
        invoiceFile: { id: n, url: `/f/${n}` },
      })
    const paid = await request('36000.00', 1)
    const rejected = await request('150000.00', 2)
    await seedDecidedRequests(w.ctx, w.sb, w.portalId, w.M, { paid, rejected }, 20_000)
    await w.settle()
    // a stage move that met a busy portal is retried a few seconds later (settle counts only jobs due now)
    await expect.poll(() => w.stageOf(rejected), { timeout: 20_000 }).toBe('FAIL')
    await expect.poll(() => w.stageOf(paid), { timeout: 20_000 }).toBe('SUCCESS')
    expect(w.item(rejected)[w.F('rejectionReason')]).toBe(
      'Нет договора с поставщиком: приложите договор и подайте заново',
    )
    expect(w.stageOf(paid)).toBe('SUCCESS')
    expect((await w.record(paid)).state.status).toBe('done')
    expect((await w.record(rejected)).state.status).toBe('rejected')
    const history = async (itemId: number) =>
      (await w.view(itemId, U.initiator)).audit.map((a: { action: string }) => a.action).reverse()
    expect(await history(rejected)).toEqual(['approval.started', 'approval.rejected'])
    expect(await history(paid)).toEqual(expect.arrayContaining(['approval.started', 'approval.approved']))
    expect((await history(paid)).filter((a: string) => a === 'approval.approved')).toHaveLength(2)
    expect(w.notificationsTo(U.initiator).at(-1)).toContain('Счёт оплачен')
    expect(w.tasksOf(paid).every((t) => String(t.STATUS) === '5')).toBe(true)
  }, 120_000)
})
