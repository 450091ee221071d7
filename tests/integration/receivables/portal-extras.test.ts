// More receivables behaviour against a portal: thank-you on Paid (per-portal setting), the daily
// days-overdue refresh, and a receivable created in the tab getting its portal item exactly once.
import { describe, expect, it } from 'vitest'
import { recordPayment } from '../../../server/use-cases/record-payment.ts'
import { createReceivable } from '../../../server/use-cases/create-receivable.ts'
import { reconcileReceivables } from '../../../server/use-cases/reconcile-receivables.ts'
import { THANK_YOU_SETTING } from '../../../server/use-cases/thank-you.ts'
import { handleReceivableItemEvent } from '../../../server/use-cases/handle-receivable-item-event.ts'
import { ETID } from './fake-portal.ts'
import { M, useReceivablesHarness } from './harness.ts'

const h = useReceivablesHarness()

describe('thank-you on Paid', () => {
  it('is off by default and sent once when switched on', async () => {
    const a = await h.newReceivable('TY-1', 10_000, '2025-03-11')
    await recordPayment(h.ports(), h.who, { receivableId: (await h.rec(a)).id, amount: 10_000, paidOn: '2025-03-05', source: 'manual', sourceRef: 'ty-1' })
    await h.drain()
    expect(h.portal.activities).toHaveLength(0)

    await h.t.ctx.repos.settings.set(M, THANK_YOU_SETTING, { enabled: true, template: 'Спасибо за оплату счёта {invoice}!' }, 'user:1')
    const b = await h.newReceivable('TY-2', 10_000, '2025-03-11')
    const r = await h.rec(b)
    const before = h.portal.requests
    await recordPayment(h.ports(), h.who, { receivableId: r.id, amount: 10_000, paidOn: '2025-03-05', source: 'manual', sourceRef: 'ty-2' })
    await h.drain()
    expect(h.portal.requests - before).toBe(1)
    expect(h.portal.activities).toHaveLength(1)
    expect(h.portal.activities[0]).toMatchObject({ TYPE_ID: 4, DIRECTION: 2, COMPLETED: 'Y', DESCRIPTION: 'Спасибо за оплату счёта TY-2!', OWNER_ID: b })
    await recordPayment(h.ports(), h.who, { receivableId: r.id, amount: 500, paidOn: '2025-03-05', source: 'manual', sourceRef: 'ty-3' })
    await h.drain()
    expect(h.portal.activities).toHaveLength(1)
    await h.t.ctx.repos.settings.set(M, THANK_YOU_SETTING, { enabled: false }, 'user:1')
  })
})

describe('days overdue', () => {
  it('is rewritten once a day for every overdue item', async () => {
    const id = await h.newReceivable('DO-1', 10_000, '2025-03-03')
    h.now = new Date('2025-03-20T09:00:00Z')
    const first = await reconcileReceivables(h.ports(), M)
    expect(first.daysOverdueRefreshed).toBeGreaterThanOrEqual(1)
    expect(h.portal.items.get(id)!.ufCrm7RcDaysOverdue).toBe(17)
    expect((await reconcileReceivables(h.ports(), M)).daysOverdueRefreshed).toBe(0)
    h.now = new Date('2025-03-21T09:00:00Z')
    await reconcileReceivables(h.ports(), M)
    expect(h.portal.items.get(id)!.ufCrm7RcDaysOverdue).toBe(18)
  })
})

describe('a receivable created in the tab', () => {
  it('gets its portal item once, even when the add answer is lost, and the item event links to it', async () => {
    const rec = await createReceivable(h.ports(), h.who, {
      counterparty: { type: 'company', id: 12, name: 'ООО Ромашка' }, invoiceNumber: 'TAB-1', invoiceDate: '2025-03-01', dueDate: '2025-03-15', amount: 25_000, responsibleId: 5,
    })
    h.portal.loseNextAnswer = true
    await h.drain()
    const items = [...h.portal.items.values()].filter((i) => i.xmlId === `rc-receivable-${rec.id}`)
    expect(items).toHaveLength(1)
    const itemId = Number(items[0].id)
    expect(items[0]).toMatchObject({ companyId: 12, ufCrm7RcAmount: '250.00|RUB', ufCrm7RcRemaining: '250.00|RUB', stageId: `DT${ETID}_5:NEW` })
    const out = await handleReceivableItemEvent(h.ports(), M, ETID, itemId)
    expect(out.status === 'ignored' ? null : out.receivable.id).toBe(rec.id)
    expect((await h.rec(itemId)).id).toBe(rec.id)
  })
})

describe('two mirrors of one counterparty at once', () => {
  it('never create two counterparty comments: the second waits for the first', async () => {
    const { effectKeys } = await import('../../../server/jobs/keys.ts')
    const { sql } = await import('kysely')
    h.portal.parties.set('company:55', { ID: 55, TITLE: 'ИП Новый', EMAIL: [] })
    const id = h.portal.addItem(h.item('CC-1', 10_000, '2025-03-20', { companyId: 55 }))
    await handleReceivableItemEvent(h.ports(), M, ETID, id)
    const cp = await h.t.ctx.database.db.selectFrom('counterparties').select('id').where('member_id', '=', M).where('entity_id', '=', 55).executeTakeFirstOrThrow()
    const key = effectKeys.totalsComment(M, 'counterparty', Number(cp.id))
    await h.t.ctx.repos.effects.claim(key, M) // another job is adding this comment right now
    const { mirrorReceivable } = await import('../../../server/use-cases/mirror-receivable.ts')
    await expect(mirrorReceivable(h.ports(), h.queued[0])).rejects.toThrow(/being created by another job/)
    expect(h.portal.commentsOn('company', 55)).toHaveLength(0)
    // that job died before reaching the portal: after a minute the claim is stale and the comment is added once
    await sql`UPDATE effects SET created_at = now() - interval '2 minutes' WHERE key = ${key}`.execute(h.t.ctx.database.db)
    await h.drain()
    expect(h.portal.commentsOn('company', 55)).toHaveLength(1)
  })
})
