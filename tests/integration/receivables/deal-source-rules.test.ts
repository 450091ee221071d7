// Issue 24 item 1, the rules around the won deal: a changed amount before the invoice is sent updates it, after
// that it does not (the deal's timeline says so, once); smart invoices as the source; bad input (no counterparty,
// a contract without payment terms) is told on the deal and changes nothing.
import { describe, expect, it } from 'vitest'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'
import { useDealSource } from './deal-source-driver.ts'

const d = useDealSource()
const DEAL = 2
const SMART_INVOICE = 31
const TUESDAY = new Date('2026-11-03T06:00:00Z')
const recs = () => receivablesRepository(d.w.ctx.database.db)

async function wonDeal(title: string, kopecksRub: number, contract: { number: string; days: number | null }) {
  const companyId = await d.companyWithContract(`ООО ${title}`, contract)
  const dealId = await d.newItem(DEAL, { title, companyId, opportunity: kopecksRub })
  await d.moveItem(DEAL, dealId, { stageId: 'WON' })
  return dealId
}

describe('after the receivable is made', () => {
  it('a changed deal amount before sending updates the receivable and its portal item', async () => {
    d.now = TUESDAY
    await d.setSource('deals', { '0': 'WON' })
    const dealId = await wonDeal('Кровля', 1000, { number: 'К-10', days: 7 })
    await d.handle(DEAL, dealId)
    await d.drain()
    await d.moveItem(DEAL, dealId, { opportunity: 1250.4 })
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'amount-updated' })
    await d.drain()
    const [rec] = await d.receivablesOf(DEAL, dealId)
    expect(rec).toMatchObject({ amount: 125_040, remaining: 125_040 })
    expect(await d.money(rec.itemId!, 'amount')).toBe('125040|RUB')
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'unchanged' })
  })

  it('after "Sent to client" the amount stays and the deal timeline says so once (ru)', async () => {
    d.now = TUESDAY
    await d.setSource('deals', { '0': 'WON' })
    const dealId = await wonDeal('Фасад', 2000, { number: 'Ф-1', days: 7 })
    await d.handle(DEAL, dealId)
    await d.drain()
    const [rec] = await d.receivablesOf(DEAL, dealId)
    await recs().setStage(d.w.memberId, rec.id, 'SENT', true, { at: d.now })
    await d.moveItem(DEAL, dealId, { opportunity: 2500 })
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'amount-frozen' })
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'amount-frozen' })
    expect((await recs().get(d.w.memberId, rec.id))!.amount).toBe(200_000)
    const notes = d.dealComments(dealId).map((c) => String(c.COMMENT))
    expect(notes).toHaveLength(1)
    expect(notes[0]).toContain('Сумма «Фасад» изменилась на 2 500,00')
    expect(notes[0]).toContain(`счёт № D-${dealId} уже отправлен клиенту`)
  })
})

describe('smart invoices as the source', () => {
  it('a smart invoice at the chosen stage becomes a receivable; deals are then ignored', async () => {
    d.now = TUESDAY
    const cats = await d.call<{ categories: { id: number }[] }>('crm.category.list', { entityTypeId: SMART_INVOICE })
    const cat = cats.categories[0].id
    await d.setSource('invoices', { [String(cat)]: `DT31_${cat}:S` })
    const companyId = await d.companyWithContract('ООО Сосна', { number: 'С-1', days: 30 })
    const invoiceId = await d.newItem(SMART_INVOICE, { title: 'Счёт 15', companyId, opportunity: 300 })
    expect(await d.handle(SMART_INVOICE, invoiceId)).toMatchObject({ status: 'ignored' })
    await d.moveItem(SMART_INVOICE, invoiceId, { stageId: `DT31_${cat}:S` })
    expect(await d.handle(SMART_INVOICE, invoiceId)).toMatchObject({ status: 'created' })
    expect(await d.receivablesOf(SMART_INVOICE, invoiceId)).toMatchObject([
      { invoiceNumber: `SI-${invoiceId}`, amount: 30_000, dueDate: '2026-12-03' },
    ])
    const dealId = await wonDeal('Ель', 100, { number: 'Е-1', days: 5 })
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'ignored' })
    expect(await d.receivablesOf(DEAL, dealId)).toHaveLength(0)
  })

  it('the reconcile finds a smart invoice whose event was lost', async () => {
    d.now = TUESDAY
    const cats = await d.call<{ categories: { id: number }[] }>('crm.category.list', { entityTypeId: SMART_INVOICE })
    const cat = cats.categories[0].id
    await d.setSource('invoices', { [String(cat)]: `DT31_${cat}:S` })
    const companyId = await d.companyWithContract('ООО Кедр', { number: 'КД-1', days: 2, kind: 'working' })
    const invoiceId = await d.newItem(SMART_INVOICE, {
      title: 'Счёт 16',
      companyId,
      opportunity: 10,
      stageId: `DT31_${cat}:S`,
    })
    expect((await d.reconcileSources()).created).toBeGreaterThanOrEqual(1)
    // 2 working days from 03.11.2026 over the holiday of 04.11: 05.11, 06.11
    expect(await d.receivablesOf(SMART_INVOICE, invoiceId)).toMatchObject([{ amount: 1000, dueDate: '2026-11-06' }])
  })
})

describe('bad input changes nothing and is told on the deal', () => {
  it('a deal without a company or contact', async () => {
    d.now = TUESDAY
    await d.setSource('deals', { '0': 'WON' })
    const dealId = await d.newItem(DEAL, { title: 'Без клиента', opportunity: 100 })
    await d.moveItem(DEAL, dealId, { stageId: 'WON' })
    // the reconcile reads it too (and any won deal of the earlier tests)
    expect((await d.reconcileSources()).refused).toBeGreaterThanOrEqual(1)
    const before = await d.receivableCount()
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'refused', code: 'source.no-counterparty' })
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'refused' })
    expect(await d.receivableCount()).toBe(before)
    const notes = d.dealComments(dealId).map((c) => String(c.COMMENT))
    expect(notes).toEqual(['Счёт по «Без клиента» не создан: не указаны компания или контакт.'])
  })

  it('the timeline note whose answer was lost is found again, not written twice', async () => {
    d.now = TUESDAY
    await d.setSource('deals', { '0': 'WON' })
    const dealId = await d.newItem(DEAL, { title: 'Потерянный ответ', opportunity: 0, stageId: 'WON' })
    d.w.sb.admin.failNext(d.w.portalId, { count: 1, kind: 'lost', method: 'crm.timeline.comment.add' })
    await expect(d.handle(DEAL, dealId)).rejects.toThrow()
    // the job is retried
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'refused', code: 'source.no-counterparty' })
    expect(d.dealComments(dealId)).toHaveLength(1)
  })

  it('a contract without payment terms names the contract', async () => {
    d.now = TUESDAY
    await d.setSource('deals', { '0': 'WON' })
    const dealId = await wonDeal('Без срока', 100, { number: 'БС-9', days: null })
    const before = await d.receivableCount()
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'refused', code: 'source.no-payment-terms' })
    expect(await d.receivableCount()).toBe(before)
    expect(await d.receivablesOf(DEAL, dealId)).toHaveLength(0)
    expect(d.dealComments(dealId).map((c) => String(c.COMMENT))).toEqual([
      'Счёт по «Без срока» не создан: в договоре № БС-9 не указан срок оплаты.',
    ])
  })

  it('a counterparty without a contract', async () => {
    d.now = TUESDAY
    await d.setSource('deals', { '0': 'WON' })
    const companyId = d.w.sb.admin.seedCompany(d.w.portalId, { TITLE: 'ООО Новичок' })
    const dealId = await d.newItem(DEAL, { title: 'Первая', companyId, opportunity: 100, stageId: 'WON' })
    expect(await d.handle(DEAL, dealId)).toMatchObject({ status: 'refused', code: 'source.no-contract' })
    expect(await d.receivablesOf(DEAL, dealId)).toHaveLength(0)
    expect(d.dealComments(dealId).map((c) => String(c.COMMENT))).toEqual([
      'Счёт по «Первая» не создан: у контрагента «ООО Новичок» нет действующего договора.',
    ])
  })
})
