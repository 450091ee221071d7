// Issue 24 item 1: a deal that reaches the stage the admin picked for its pipeline becomes one receivable with
// the deal's amount, counterparty and contract and a due date from the contract's payment terms; once under
// duplicated events, retried jobs and the reconcile; its amount followed until the invoice is sent.
import { describe, expect, it } from 'vitest'
import { parseEvent } from '../../../server/bitrix24/inbound/parse-event.ts'
import { eventHandlers } from '../../../server/events/index.ts'
import { createReceivableReconcile } from '../../../server/jobs/tasks/receivable-reconcile.ts'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'
import { counterpartiesRepository } from '../../../server/storage/repositories/counterparties.ts'
import { contractsRepository } from '../../../server/storage/repositories/contracts.ts'
import { useDealSource } from './deal-source-driver.ts'

const d = useDealSource()
const DEAL = 2
// Tuesday 03.11.2026, 09:00 Moscow; 04.11 is a holiday (National Unity Day)
const TUESDAY_BEFORE_HOLIDAY = new Date('2026-11-03T06:00:00Z')

describe('a won deal becomes a receivable', () => {
  it('the deal moved to the chosen stage (its ONCRMDEALUPDATE) gives one receivable; due in working days', async () => {
    d.now = TUESDAY_BEFORE_HOLIDAY
    await d.setSource('deals', { '0': 'WON' })
    const companyId = await d.companyWithContract('ООО Берёзка', { number: 'Д-7/2026', days: 3, kind: 'working' })
    const dealId = await d.newItem(DEAL, { title: 'Поставка бумаги', companyId, opportunity: 150000.5 })
    await d.moveItem(DEAL, dealId, { stageId: 'WON' }, true)
    await d.w.sb.admin.flush()
    const delivered = d.w.sb.admin
      .deliveries({ portalId: d.w.portalId, kind: 'event', name: 'ONCRMDEALUPDATE' })
      .map((x) => parseEvent(x.body))
      .filter((e) => Number((e.data.FIELDS as Record<string, unknown>).ID) === dealId)
    expect(delivered.length).toBeGreaterThanOrEqual(1)
    expect(await d.handle(DEAL, Number((delivered[0].data.FIELDS as Record<string, unknown>).ID))).toMatchObject({
      status: 'created',
    })
    const [rec] = await d.receivablesOf(DEAL, dealId)
    expect(rec).toMatchObject({
      invoiceNumber: `D-${dealId}`,
      amount: 15_000_050,
      invoiceDate: '2026-11-03',
      // 3 working days: 05.11, 06.11, 09.11 (04.11 is a holiday, 07-08.11 the weekend)
      dueDate: '2026-11-09',
      stage: 'NEW',
      responsibleId: d.w.managerId,
    })
    const cp = await counterpartiesRepository(d.w.ctx.database.db).get(d.w.memberId, rec.counterpartyId)
    expect(cp).toMatchObject({ entityType: 'company', entityId: companyId })
    const [contract] = await contractsRepository(d.w.ctx.database.db).listByCounterparty(d.w.memberId, cp!.id)
    expect(rec.contractId).toBe(contract.id)
    await d.drain()
    const item = await d.getItem((await receivablesRepository(d.w.ctx.database.db).get(d.w.memberId, rec.id))!.itemId!)
    expect(item).toMatchObject({ companyId, title: `D-${dealId}` })
    expect(await d.money(Number(item.id), 'amount')).toBe('15000050|RUB')
  })

  it('the production event handler takes ONCRMDEALUPDATE (calendar days from the contract)', async () => {
    await d.setSource('deals', { '0': 'WON' })
    const companyId = await d.companyWithContract('ООО Клён', { number: 'К-1', days: 10 })
    const dealId = await d.newItem(DEAL, { title: 'Монтаж', companyId, opportunity: 1200 })
    await d.moveItem(DEAL, dealId, { stageId: 'WON' })
    const handle = eventHandlers.ONCRMDEALUPDATE
    expect(handle).toBeTypeOf('function')
    await handle(d.w.ctx, {
      event: 'ONCRMDEALUPDATE',
      handlerId: null,
      ts: null,
      data: { FIELDS: { ID: String(dealId) } },
      auth: { memberId: d.w.memberId } as never,
    })
    // the app clock is the suite's: 09.12.2026; 10 calendar days
    expect(await d.receivablesOf(DEAL, dealId)).toMatchObject([
      { amount: 120_000, invoiceDate: '2026-12-09', dueDate: '2026-12-19' },
    ])
  })

  it('the event delivered twice and a retried job still give one receivable and one portal item', async () => {
    d.now = TUESDAY_BEFORE_HOLIDAY
    await d.setSource('deals', { '0': 'WON' })
    const companyId = await d.companyWithContract('ООО Дуб', { number: 'Д-2', days: 5 })
    const dealId = await d.newItem(DEAL, { title: 'Аренда', companyId, opportunity: 5000 })
    await d.moveItem(DEAL, dealId, { stageId: 'WON' })
    const before = await d.receivableCount()
    const outs = await Promise.all([d.handle(DEAL, dealId), d.handle(DEAL, dealId), d.handle(DEAL, dealId)])
    expect(outs.filter((o) => o.status === 'created')).toHaveLength(1)
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'unchanged' })
    expect(await d.receivableCount()).toBe(before + 1)
    await d.drain()
    await d.drain()
    const items = await d.call<{ items: unknown[] }>('crm.item.list', {
      entityTypeId: d.w.entityTypeId,
      filter: { title: `D-${dealId}` },
    })
    expect(items.items).toHaveLength(1)
  })

  it('an event that never came: the reconcile creates the receivable, once', async () => {
    d.now = TUESDAY_BEFORE_HOLIDAY
    await d.setSource('deals', { '0': 'WON' })
    const companyId = await d.companyWithContract('ООО Липа', { number: 'Л-1', days: 14 })
    const dealId = await d.newItem(DEAL, { title: 'Обслуживание', companyId, opportunity: 777.77 })
    await d.moveItem(DEAL, dealId, { stageId: 'WON' })
    const first = await d.reconcileSources()
    expect(first.created).toBeGreaterThanOrEqual(1)
    expect(await d.receivablesOf(DEAL, dealId)).toMatchObject([{ amount: 77_777, dueDate: '2026-11-17' }])
    const again = await d.reconcileSources()
    expect(again.created).toBe(0)
    expect(await d.receivablesOf(DEAL, dealId)).toHaveLength(1)
  })

  it('the 15-minute receivable-reconcile job heals the lost event of a won deal', async () => {
    await d.setSource('deals', { '0': 'WON' })
    const companyId = await d.companyWithContract('ООО Вяз', { number: 'В-1', days: 1 })
    const dealId = await d.newItem(DEAL, { title: 'Ремонт', companyId, opportunity: 99.99, stageId: 'WON' })
    await createReceivableReconcile(d.w.ctx)({ data: { memberId: d.w.memberId } } as never)
    // the app clock is the suite's: 09.12.2026, 1 calendar day
    expect(await d.receivablesOf(DEAL, dealId)).toMatchObject([{ amount: 9_999, dueDate: '2026-12-10' }])
  })

  it('a deal in another pipeline or at another stage makes nothing', async () => {
    d.now = TUESDAY_BEFORE_HOLIDAY
    // a second pipeline, added by the portal's administrator
    const added = await d.w.sb.admin.call<{ category: { id: number } }>(d.w.portalId, 'crm.category.add', {
      entityTypeId: DEAL,
      fields: { name: 'Опт' },
    })
    const cat = added.result.category.id
    await d.setSource('deals', { '0': 'WON', [String(cat)]: `C${cat}:FINAL_INVOICE` })
    const companyId = await d.companyWithContract('ООО Ясень', { number: 'Я-1', days: 5 })
    const dealId = await d.newItem(DEAL, { title: 'Опт', companyId, opportunity: 100, categoryId: cat })
    await d.moveItem(DEAL, dealId, { stageId: `C${cat}:WON` })
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'ignored' })
    await d.moveItem(DEAL, dealId, { stageId: `C${cat}:FINAL_INVOICE` })
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'created' })
  })
})
