// More receivables behaviour on the sandbox portal: the thank-you e-mail on Paid (a per-portal
// setting, off by default, sent once and inside the payment's one write batch); a receivable created
// in the tab gets its portal item once even when the add answer is lost, and the item's event links to
// it; two mirrors of one counterparty never create two counterparty comments; a comment whose add
// answer was lost is found by its title line, so the next payment updates it in one request; a comment an
// older version wrote with its technical marker is found once by it and rewritten without it.
// Two jobs of one new item at once create one receivable.
import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { createReceivable } from '../../../server/use-cases/receivables/create-receivable.ts'
import { handleReceivableItemEvent } from '../../../server/use-cases/receivables/handle-receivable-item-event.ts'
import { mirrorReceivable } from '../../../server/use-cases/receivables/mirror-receivable.ts'
import { THANK_YOU_SETTING } from '../../../server/use-cases/receivables/thank-you.ts'
import { effectKeys } from '../../../server/use-cases/effect-keys.ts'
import { useReceivablesSandbox } from './sandbox-driver.ts'
import { holdFirstBatch } from '../../helpers/clients-around.ts'

const d = useReceivablesSandbox()
const handle = (id: number) => handleReceivableItemEvent(d.ports(), d.w.memberId, d.w.entityTypeId, id)
const pay = async (itemId: number, amount: number, sourceRef: string) =>
  recordPayment(d.ports(), d.who(), {
    receivableId: (await d.rec(itemId)).id,
    amount,
    paidOn: '2025-03-05',
    source: 'manual',
    sourceRef,
  })
const mails = (itemId: number) => d.activitiesOn(itemId).filter((a) => Number(a.TYPE_ID) === 4)

describe('thank-you on Paid', () => {
  it("is off by default and sent once, in the payment's one request, when switched on", async () => {
    const a = await d.newReceivable('TY-1', 10_000, '2025-03-11')
    await pay(a, 10_000, 'ty-1')
    await d.drain()
    expect(mails(a)).toHaveLength(0)

    await d.w.ctx.repos.settings.set(
      d.w.memberId,
      THANK_YOU_SETTING,
      { enabled: true, template: 'Спасибо за оплату счёта {invoice}!' },
      'user:1',
    )
    const b = await d.newReceivable('TY-2', 10_000, '2025-03-11')
    d.w.sb.admin.resetCounters(d.w.portalId)
    await pay(b, 10_000, 'ty-2')
    await d.drain()
    expect(d.requests()).toBe(1)
    expect(mails(b)).toHaveLength(1)
    expect(mails(b)[0]).toMatchObject({
      TYPE_ID: 4,
      DIRECTION: 2,
      COMPLETED: 'Y',
      DESCRIPTION: 'Спасибо за оплату счёта TY-2!',
      OWNER_ID: b,
    })
    expect(
      d.w.sb.admin
        .outbox(d.w.portalId)
        .filter((m) => m.body === 'Спасибо за оплату счёта TY-2!')
        .map((m) => m.to),
    ).toEqual(['buh@romashka.test'])
    await pay(b, 500, 'ty-3')
    await d.drain()
    expect(mails(b)).toHaveLength(1)
    await d.w.ctx.repos.settings.set(d.w.memberId, THANK_YOU_SETTING, { enabled: false }, 'user:1')
  })
})

describe('a receivable created in the tab', () => {
  it('gets its portal item once, even when the add answer is lost, and the item event links to it', async () => {
    const rec = await createReceivable(d.ports(), d.who(), {
      counterparty: { type: 'company', id: d.w.companyId, name: 'ООО Ромашка' },
      invoiceNumber: 'TAB-1',
      invoiceDate: '2025-03-01',
      dueDate: '2025-03-15',
      amount: 25_000,
      responsibleId: d.w.managerId,
    })
    d.w.sb.admin.failNext(d.w.portalId, { count: 1, kind: 'lost', method: 'crm.item.add' })
    expect(await d.drain()).toBeGreaterThan(1) // the lost answer failed the first attempt
    const items = d.w.sb.admin
      .items(d.w.portalId, d.w.entityTypeId)
      .filter((i) => i.xmlId === `rc-receivable-${rec.id}`)
    expect(items).toHaveLength(1)
    const itemId = Number(items[0].id)
    expect(await d.getItem(itemId)).toMatchObject({ companyId: d.w.companyId, stageId: d.stage('NEW') })
    expect(await d.money(itemId, 'amount')).toBe('25000|RUB')
    expect(await d.money(itemId, 'remaining')).toBe('25000|RUB')
    const out = await handle(itemId)
    expect(out.status === 'ignored' ? null : out.receivable.id).toBe(rec.id)
    expect((await d.rec(itemId)).id).toBe(rec.id)
  })
})

describe('two mirrors of one counterparty at once', () => {
  it('never create two counterparty comments: the second waits for the first', async () => {
    const company = d.w.sb.admin.seedCompany(d.w.portalId, { TITLE: 'ИП Новый' })
    const id = await d.portalItem('CC-1', 10_000, '2025-03-20', { companyId: company })
    await handle(id)
    const db = d.w.ctx.database.db
    const cp = await db
      .selectFrom('counterparties')
      .select('id')
      .where('member_id', '=', d.w.memberId)
      .where('entity_id', '=', company)
      .executeTakeFirstOrThrow()
    const key = effectKeys.totalsComment(d.w.memberId, 'counterparty', Number(cp.id))
    await d.w.ctx.repos.effects.claim(key, d.w.memberId) // another job is adding this comment right now
    await expect(mirrorReceivable(d.ports(), d.queued[0])).rejects.toThrow(/being created by another job/)
    expect(d.commentsOn('company', company)).toHaveLength(0)
    // that job died before reaching the portal: after a minute the claim is stale and the comment is added once
    await sql`UPDATE effects SET created_at = now() - interval '2 minutes' WHERE key = ${key}`.execute(db)
    await d.drain()
    expect(d.commentsOn('company', company)).toHaveLength(1)
  })

  it('a lapsed claim met by two mirrors at once: one takes it over and adds, the other waits (found by the multi-process run)', async () => {
    const company = d.w.sb.admin.seedCompany(d.w.portalId, { TITLE: 'ИП Гонка' })
    await handle(await d.portalItem('CC-2', 10_000, '2025-03-20', { companyId: company }))
    await handle(await d.portalItem('CC-3', 20_000, '2025-03-21', { companyId: company }))
    const db = d.w.ctx.database.db
    const cp = await db
      .selectFrom('counterparties')
      .select('id')
      .where('member_id', '=', d.w.memberId)
      .where('entity_id', '=', company)
      .executeTakeFirstOrThrow()
    const key = effectKeys.totalsComment(d.w.memberId, 'counterparty', Number(cp.id))
    // an attempt of unknown outcome, long ago; both invoices' mirrors meet it at the same moment
    await d.w.ctx.repos.effects.claim(key, d.w.memberId)
    await sql`UPDATE effects SET created_at = now() - interval '2 minutes' WHERE key = ${key}`.execute(db)
    expect(d.queued).toHaveLength(2)
    const outcomes = await Promise.allSettled(d.queued.map((job) => mirrorReceivable(d.ports(), job)))
    // one takes it over and adds; the other waits ("being created"), or on PostgreSQL, coming a moment later,
    // already finds the added comment by its title line
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThanOrEqual(1)
    for (const o of outcomes)
      if (o.status === 'rejected') expect(String(o.reason)).toMatch(/being created by another job/)
    expect(d.commentsOn('company', company)).toHaveLength(1)
  })
})

describe('a lost answer after the portal created the comments', () => {
  it('the comment is found by its title line: the next payment updates it in one request, never a second comment', async () => {
    const id = await d.portalItem('LA-1', 80_000, '2025-03-11')
    await handle(id)
    d.w.sb.admin.failNext(d.w.portalId, { count: 1, kind: 'lost', method: 'batch' })
    await d.drain()
    expect(d.itemComments(id)).toHaveLength(1)
    await pay(id, 20_000, 'la-1')
    d.w.sb.admin.resetCounters(d.w.portalId)
    await d.drain()
    expect(d.requests()).toBe(1)
    expect(d.itemComments(id)).toHaveLength(1)
    expect(String(d.itemComments(id)[0].COMMENT).replace(/\u00a0/g, ' ')).toContain('Оплачено: 200,00 ₽')
  })

  it('a comment an older version wrote with its marker is found once by it and rewritten without the marker', async () => {
    const id = await d.portalItem('LA-2', 80_000, '2025-03-11')
    await handle(id)
    const rec = await d.rec(id)
    const { result: old } = await d.w.sb.admin.call<number>(
      d.w.portalId,
      'crm.timeline.comment.add',
      {
        fields: {
          ENTITY_ID: id,
          ENTITY_TYPE: `dynamic_${d.w.entityTypeId}`,
          COMMENT: `Остаток: 800,00 RUB\n[i]#rc-totals-receivable-${rec.id}[/i]`,
        },
      },
      { events: false },
    )
    // its add's answer was lost back then: the key is pending, long ago
    const key = effectKeys.totalsComment(d.w.memberId, 'receivable', rec.id)
    await d.w.ctx.repos.effects.claim(key, d.w.memberId)
    await sql`UPDATE effects SET created_at = now() - interval '2 minutes' WHERE key = ${key}`.execute(
      d.w.ctx.database.db,
    )
    await d.drain()
    expect(d.itemComments(id).map((c) => Number(c.ID ?? c.id))).toEqual([Number(old)])
    const text = String(d.itemComments(id)[0].COMMENT)
    expect(text).not.toContain('#rc-totals')
    expect(text.split('\n')[0]).toBe('[b]Итоги по счёту[/b]')
    await pay(id, 30_000, 'la-2')
    await d.drain()
    expect(d.itemComments(id)).toHaveLength(1)
  })
})

describe('two jobs of one new item at once', () => {
  it("create one receivable: the one that loses the insert takes the other's row (on PostgreSQL they race)", async () => {
    const id = await d.portalItem('RACE-1', 10_000, '2025-03-11')
    const outs = await Promise.all([handle(id), handle(id), handle(id)])
    expect(outs.map((o) => o.status).sort()).toEqual(['created', 'unchanged', 'unchanged'])
    const rows = await sql<{
      n: number
    }>`SELECT count(*)::int AS n FROM receivables WHERE member_id = ${d.w.memberId} AND item_id = ${id}`.execute(
      d.w.ctx.database.db,
    )
    expect(rows.rows[0].n).toBe(1)
  })
})

describe('two payments mirrored at once (found by the multi-process run on claims)', () => {
  it('the older state landing last is put right: the card and both comments end on the newer sums', async () => {
    const company = d.w.sb.admin.seedCompany(d.w.portalId, { TITLE: 'ООО Два платежа' })
    const id = await d.newReceivable('RM-1', 100_000, '2025-03-20', { companyId: company })
    await d.drain()
    await pay(id, 30_000, 'rm-1')
    const first = d.queued.at(-1)!
    // the first payment's mirror: it has read 300 paid, and its batch waits on its way to the portal
    const ports = d.ports()
    const held = holdFirstBatch(ports.clients!)
    const racing = mirrorReceivable({ ...ports, clients: held.clients }, first)
    await held.atBatch
    // the second payment and its mirror run start to end meanwhile: 800 paid, written
    await pay(id, 50_000, 'rm-2')
    await mirrorReceivable(d.ports(), d.queued.at(-1)!)
    expect(await d.money(id, 'paid')).toBe('80000|RUB')
    held.release()
    await racing
    expect(await d.money(id, 'paid')).toBe('80000|RUB')
    expect(await d.money(id, 'remaining')).toBe('20000|RUB')
    const last = (rows: Record<string, unknown>[]) => String(rows.at(-1)?.COMMENT)
    expect(last(d.itemComments(id))).toContain('800,00')
    expect(last(d.commentsOn('company', company))).toContain('800,00')
  })
})
