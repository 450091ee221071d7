// Robots on Receivables items through the sandbox automation runner: payments recorded once per
// reference, totals comment updated in place, the collection plan started, the claim opened once,
// Telegram with the penalty of the previous step (nock), a replayed or forged call, and a portal
// answering 503 for a while.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import nock from 'nock'
import qs from 'qs'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'
import { totalsTitles } from '../../../server/domain/receivables/index.ts'

let w: RobotWorld
const bot: { text: string; chat: unknown }[] = []
beforeAll(async () => {
  w = await startRobotWorld({ env: { TELEGRAM_BOT_TOKEN: '777:robot' } })
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  nock('https://api.telegram.org')
    .persist()
    .post('/bot777:robot/sendMessage')
    .reply(200, async (req: Request) => {
      const body = (await req.json()) as { text: string; chat_id: unknown }
      if (body.chat_id === '-42')
        return { ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the group chat' }
      bot.push({ text: body.text, chat: body.chat_id })
      return { ok: true, result: { message_id: bot.length } }
    })
}, 60_000)
afterAll(async () => {
  nock.cleanAll()
  nock.enableNetConnect()
  await w?.close()
})

const comments = (itemId: number) =>
  w.sb.admin
    .comments(w.portalId)
    .filter(
      (c) => Number(c.ENTITY_ID) === itemId && totalsTitles('receivable').includes(String(c.COMMENT).split('\n')[0]),
    )

describe('payment-record and payment-totals-post', () => {
  it('records once per reference, moves the stage and keeps ONE totals comment updated in place', async () => {
    const { itemId, receivableId } = await w.newReceivable({
      amount: 1_000_000,
      dueDate: '2026-12-31',
      invoiceDate: '2026-11-01',
    })
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'CHECK'), [
      { robot: 'payment-record', properties: { amount: '4000', paidOn: '2026-11-02', reference: 'PP-17' } },
      { robot: 'payment-record', properties: { amount: '4000', paidOn: '2026-11-02', reference: 'PP-17' } },
      { robot: 'payment-totals-post' },
      { robot: 'payment-record', properties: { amount: '-5', reference: 'PP-18' } },
    ])
    expect(run.steps[0].returnValues).toMatchObject({
      success: 'Y',
      remaining: '6000.00',
      paid: '4000.00',
      stage: 'PARTIAL',
      duplicate: 'N',
    })
    expect(run.steps[1].returnValues).toMatchObject({ success: 'Y', remaining: '6000.00', duplicate: 'Y' })
    expect(run.steps[2].returnValues).toMatchObject({
      success: 'Y',
      total: '10000.00',
      paid: '4000.00',
      remaining: '6000.00',
    })
    expect(run.steps[3].returnValues).toMatchObject({ success: 'N' })
    const rec = await receivablesRepository(w.ctx.database.db).get(w.memberId, receivableId)
    expect([rec!.paid, rec!.remaining]).toEqual([400_000, 600_000])
    const list = comments(itemId)
    expect(list).toHaveLength(1)
    expect(String(list[0].COMMENT)).toMatch(/4\s000,00/)
    const item = w.sb.admin.items(w.portalId, w.receivables.entityTypeId).find((i) => Number(i.id) === itemId)!
    expect(item.stageId).toBe(w.stageId('receivables', 'PARTIAL'))
  })

  it('records on an item whose add event never reached the app: the robot reads the item first', async () => {
    const rec = w.receivables
    const f = (k: string) => rec.fields[k].restName
    // a person creates the item; the portal's ONCRMDYNAMICITEMADD is lost (events off)
    const { item } = (
      await w.sb.admin.call<{ item: { id: number } }>(
        w.portalId,
        'crm.item.add',
        {
          entityTypeId: rec.entityTypeId,
          fields: {
            title: 'LOST-1',
            companyId: w.companyId,
            [f('invoiceNumber')]: 'LOST-1',
            [f('invoiceDate')]: '2026-11-01',
            [f('dueDate')]: '2026-12-31',
            [f('amount')]: '3000|RUB',
            [f('currency')]: 'RUB',
          },
        },
        { events: false },
      )
    ).result
    const repo = receivablesRepository(w.ctx.database.db)
    expect(await repo.getByItem(w.memberId, item.id)).toBeFalsy()
    const run = await w.runRule(rec.entityTypeId, item.id, w.stageId('receivables', 'CHECK'), [
      { robot: 'payment-record', properties: { amount: '1000', reference: 'PP-LOST' } },
    ])
    expect(run.steps[0].returnValues).toMatchObject({
      success: 'Y',
      paid: '1000.00',
      remaining: '2000.00',
      duplicate: 'N',
    })
    expect(await repo.getByItem(w.memberId, item.id)).toMatchObject({
      invoiceNumber: 'LOST-1',
      amount: 300_000,
      paid: 100_000,
    })
  })

  it('a replayed robot call records nothing and answers nothing again; a forged one is refused', async () => {
    const { itemId, receivableId } = await w.newReceivable({ amount: 500_000 })
    w.sb.admin.clearDeliveries()
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'CHECK'), [
      { robot: 'payment-record', properties: { amount: '1000', reference: 'PP-REPLAY' } },
    ])
    const token = run.steps[0].eventToken!
    const delivery = w.sb.admin
      .deliveries({ portalId: w.portalId, kind: 'robot' })
      .find((d) => (d.body as { event_token?: string }).event_token === token)!
    const post = (body: Record<string, unknown>) =>
      w.app.inject({
        method: 'POST',
        url: '/bitrix/robots/payment-record',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: qs.stringify(body),
      })
    expect((await post(delivery.body)).statusCode).toBe(200)
    const forged = structuredClone(delivery.body) as { auth: Record<string, string>; event_token: string }
    forged.auth.application_token = 'forged'
    forged.event_token = `${token}-forged`
    expect((await post(forged)).statusCode).toBe(401)
    await new Promise((r) => setTimeout(r, 1500))
    const payments = await w.ctx.database.db
      .selectFrom('payments')
      .select(['id'])
      .where('member_id', '=', w.memberId)
      .where('receivable_id', '=', receivableId)
      .execute()
    expect(payments).toHaveLength(1)
    expect(w.sb.admin.bizprocEvents(w.portalId).filter((e) => JSON.stringify(e).includes(token))).toHaveLength(1)
    expect(w.sb.admin.bizprocEvents(w.portalId).filter((e) => JSON.stringify(e).includes('forged'))).toHaveLength(0)
  })

  it('a portal answering 503 for a while still gets the result once', async () => {
    const { itemId, receivableId } = await w.newReceivable({ amount: 300_000 })
    w.sb.admin.setFaults(w.portalId, { errorRate: 1, errorStatus: 503, errorCode: 'QUERY_LIMIT_EXCEEDED' })
    const cleared = new Promise((r) =>
      setTimeout(() => {
        w.sb.admin.clearFaults(w.portalId)
        r(null)
      }, 6_000),
    )
    const run = await w.runRule(
      w.receivables.entityTypeId,
      itemId,
      w.stageId('receivables', 'CHECK'),
      [{ robot: 'payment-record', properties: { amount: '1000', reference: 'PP-503' } }],
      { timeout: 90_000 },
    )
    await cleared
    expect(run.steps[0].returnValues).toMatchObject({ success: 'Y', remaining: '2000.00' })
    expect(
      w.sb.admin.bizprocEvents(w.portalId).filter((e) => JSON.stringify(e).includes(run.steps[0].eventToken!)),
    ).toHaveLength(1)
    const payments = await w.ctx.database.db
      .selectFrom('payments')
      .select(['id'])
      .where('member_id', '=', w.memberId)
      .where('receivable_id', '=', receivableId)
      .execute()
    expect(payments).toHaveLength(1)
  }, 120_000)
})

describe('penalty-calculate then telegram-send on the Overdue stage', () => {
  it('sends the penalty returned by the previous step; an unlinked user or a refusing chat is answered, not hung', async () => {
    const { itemId } = await w.newReceivable()
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'OVERDUE'), [
      {
        robot: 'penalty-calculate',
        properties: {
          debt: '500000',
          dueDate: '2024-07-10',
          paymentDate: '2025-06-20',
          method: 'key-rate-fraction',
          fraction: '300',
        },
      },
      {
        robot: 'telegram-send',
        properties: { chatId: '-100500', text: 'Пени по {=Document:title}: {=A1:penalty} руб. за {=A1:days} дн.' },
      },
      { robot: 'telegram-send', properties: { user: 'user_1', text: 'x' } },
      { robot: 'telegram-send', properties: { chatId: '-42', text: 'x' } },
    ])
    const penalty = String(run.steps[0].returnValues!.penalty)
    expect(run.steps[1].returnValues).toMatchObject({ success: 'Y', delivered: 'Y' })
    expect(bot).toHaveLength(1)
    expect(bot[0]).toMatchObject({ chat: '-100500' })
    expect(bot[0].text).toBe(
      `Пени по R-${bot[0].text.match(/R-(\d+)/)![1]}: ${penalty} руб. за ${run.steps[0].returnValues!.days} дн.`,
    )
    expect(run.steps[2].returnValues).toMatchObject({ success: 'Y', delivered: 'N' })
    expect(String(run.steps[2].returnValues!.reason)).toMatch(/has not linked Telegram/)
    expect(run.steps[3].returnValues).toMatchObject({ success: 'Y', delivered: 'N' })
    expect(String(run.steps[3].returnValues!.reason)).toMatch(/kicked/)
  })
})

describe('collection-plan-start and claim-open', () => {
  it('starts the ladder with a segment and opens the claim once', async () => {
    const { itemId, receivableId } = await w.newReceivable({ dueDate: '2026-12-15', invoiceDate: '2026-11-15' })
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'SENT'), [
      { robot: 'collection-plan-start', properties: { segment: 'high' } },
      { robot: 'claim-open', properties: { reason: 'Долг не погашен' } },
      { robot: 'claim-open' },
      { robot: 'collection-plan-start', properties: { segment: 'reckless' } },
    ])
    expect(run.steps[0].returnValues).toMatchObject({ success: 'Y' })
    expect(String(run.steps[0].returnValues!.firstStepDate)).toMatch(/^2026-12-\d\d$/)
    const state = await w.ctx.database.db
      .selectFrom('dunning_receivables')
      .selectAll()
      .where('member_id', '=', w.memberId)
      .where('receivable_id', '=', receivableId)
      .executeTakeFirst()
    expect(state?.risk_segment).toBe('high')
    const claimId = Number(run.steps[1].returnValues!.claimId)
    expect(claimId).toBeGreaterThan(0)
    expect(run.steps[2].returnValues).toMatchObject({ success: 'Y' })
    expect(Number(run.steps[2].returnValues!.claimId)).toBe(claimId)
    // this receivable's claims only: the workers' dunning scan may escalate older overdue invoices meanwhile
    const invoice = (
      await w.ctx.database.db
        .selectFrom('receivables')
        .select('invoice_number')
        .where('id', '=', receivableId)
        .executeTakeFirstOrThrow()
    ).invoice_number
    expect(
      w.sb.admin
        .items(w.portalId, w.state.processes.claims!.entityTypeId)
        .filter((i) => String(i.title).endsWith(`счёт № ${invoice}`)),
    ).toHaveLength(1)
    expect(run.steps[3].returnValues).toMatchObject({ success: 'N' })
  })
})
