// Receivables against the sandbox portal emulator through the production portal client (real REST
// over HTTP, the sandbox's request counters and faults): every payment costs at most 2 HTTP
// requests, comments are updated in place, manual moves are respected, a lost event is healed by
// the reconcile, a 503 burst lands once after the client's backoff.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { receivablesPorts, type ReceivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { handleReceivableItemEvent } from '../../../server/use-cases/receivables/handle-receivable-item-event.ts'
import { mirrorReceivable } from '../../../server/use-cases/receivables/mirror-receivable.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { reversePayment } from '../../../server/use-cases/receivables/reverse-payment.ts'
import { reconcileReceivables } from '../../../server/use-cases/receivables/reconcile-receivables.ts'
import type { MirrorJobData } from '../../../server/use-cases/receivables/enqueue-mirror.ts'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'
import { startReceivablesSandbox, type SandboxWorld } from './sandbox-world.ts'
import nock from 'nock'
import { createTelegramClient } from '../../../server/channels/telegram-client.ts'
import { dunningRepository } from '../../../server/storage/repositories/dunning.ts'

let w: SandboxWorld
let now = new Date('2025-03-05T09:00:00Z')
let queued: MirrorJobData[] = []
const seen = new Set<string>()

const ports = (): ReceivablesPorts => ({
  ...receivablesPorts(w.ctx, { clients: w.client, installState: async () => w.installState, now: () => now }),
  telegram: createTelegramClient({ botToken: '777:inv', apiBase: 'https://api.telegram.org' }),
  send: async (_n, data, o) => {
    if (!seen.has(o.key!)) {
      seen.add(o.key!)
      queued.push(data as MirrorJobData)
    }
  },
})
async function drain(): Promise<number> {
  let attempts = 0
  while (queued.length) {
    attempts++
    try {
      await mirrorReceivable(ports(), queued[0])
      queued.shift()
    } catch (e) {
      if (attempts > 5) throw e
    }
  }
  return attempts
}
const who = () => ({ memberId: w.memberId, actor: 'user:1', source: 'ui' })
const field = (key: string) => w.installState.processes.receivables!.fields[key].restName
const stage = (code: string) => Object.values(w.installState.processes.receivables!.pipelines)[0]!.stages[code]!
const getItem = async (id: number) =>
  (
    await w.sb.admin.call<{ item: Record<string, unknown> }>(w.portalId, 'crm.item.get', {
      entityTypeId: w.entityTypeId,
      id,
    })
  ).result.item
const stageOf = async (id: number) => String((await getItem(id)).stageId).split(':')[1]
const rec = async (itemId: number) => (await receivablesRepository(w.ctx.database.db).getByItem(w.memberId, itemId))!
const requests = () => w.sb.admin.counters(w.portalId).requests
const commentsOn = (type: string, id: number) =>
  w.sb.admin
    .comments(w.portalId)
    .filter(
      (c) => String(c.ENTITY_TYPE ?? c.entityType).toLowerCase() === type && Number(c.ENTITY_ID ?? c.entityId) === id,
    )

/** A person creates an item in the portal (through REST as user 1, events off: we call the handler). */
async function portalItem(
  n: string,
  kopecks: number,
  due: string,
  invoiceDate = '2025-03-01',
  companyId = w.companyId,
): Promise<number> {
  const { item } = (
    await w.sb.admin.call<{ item: { id: number } }>(
      w.portalId,
      'crm.item.add',
      {
        entityTypeId: w.entityTypeId,
        fields: {
          title: n,
          companyId,
          assignedById: w.managerId,
          [field('invoiceNumber')]: n,
          [field('invoiceDate')]: invoiceDate,
          [field('dueDate')]: due,
          [field('amount')]: `${kopecks / 100}|RUB`,
          [field('currency')]: 'RUB',
        },
      },
      { events: false },
    )
  ).result
  return item.id
}
async function newReceivable(
  n: string,
  kopecks: number,
  due: string,
  invoiceDate?: string,
  companyId?: number,
): Promise<number> {
  const id = await portalItem(n, kopecks, due, invoiceDate, companyId)
  await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, id)
  await drain()
  return id
}

beforeAll(async () => {
  w = await startReceivablesSandbox()
})
// the sandbox first: its event deliveries still in flight would hold our server's close for a minute
afterAll(async () => {
  await w.close()
}, 30_000)
beforeEach(() => {
  now = new Date('2025-03-05T09:00:00Z')
  queued = []
})

describe('receivables on the sandbox portal', () => {
  it('an item event creates the receivable; the mirror writes the fields and two comments', async () => {
    const id = await portalItem('S-1', 100_000, '2025-03-11')
    w.sb.admin.resetCounters(w.portalId)
    await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, id)
    expect(requests()).toBe(1)
    await drain()
    expect(requests()).toBe(2)
    expect(await rec(id)).toMatchObject({ amount: 100_000, stage: 'NEW', invoiceNumber: 'S-1' })
    const item = await getItem(id)
    expect(String(item[field('remaining')])).toMatch(/^1000(\.00?)?\|RUB$/)
    expect(String(item[field('nextDueDate')])).toMatch(/^2025-03-11/)
    expect(commentsOn(`dynamic_${w.entityTypeId}`, id)).toHaveLength(1)
    expect(commentsOn('company', w.companyId)).toHaveLength(1)
  })

  it('partial, full and overpayment: at most 2 requests each (counted by the sandbox), comments updated in place', async () => {
    const id = await newReceivable('S-2', 100_000, '2025-03-11')
    const r = await rec(id)
    for (const [amount, ref, code] of [
      [30_000, 's2-1', 'PARTIAL'],
      [70_000, 's2-2', 'SUCCESS'],
      [5_000, 's2-3', 'SUCCESS'],
    ] as const) {
      w.sb.admin.resetCounters(w.portalId)
      await recordPayment(ports(), who(), {
        receivableId: r.id,
        amount,
        paidOn: '2025-03-05',
        source: 'bank-statement',
        sourceRef: ref,
      })
      await drain()
      expect(requests()).toBeLessThanOrEqual(2)
      expect(requests()).toBe(1) // the common case: the write batch only
      expect(w.sb.admin.counters(w.portalId).byMethod['crm.item.update']).toBe(1)
      expect(await stageOf(id)).toBe(code)
    }
    const comments = commentsOn(`dynamic_${w.entityTypeId}`, id)
    expect(comments).toHaveLength(1)
    expect(String(comments[0].COMMENT ?? comments[0].comment)).toContain('Аванс: 50,00 ₽')
    expect((await getItem(id))[field('nextDueDate')] ?? '').toBe('') // paid: nothing is due
    expect(commentsOn('company', w.companyId)).toHaveLength(1)
    expect(
      w.sb.admin.notifications(w.portalId).filter((n) => String(n.TAG ?? n.tag ?? '').includes('rc-payment')).length,
    ).toBeGreaterThanOrEqual(1)
  })

  it('a duplicate reference is recorded once; a reversal goes back to Awaiting payment', async () => {
    const id = await newReceivable('S-3', 50_000, '2025-03-11')
    const r = await rec(id)
    const a = await recordPayment(ports(), who(), {
      receivableId: r.id,
      amount: 50_000,
      paidOn: '2025-03-05',
      source: 'api',
      sourceRef: 's3',
    })
    const b = await recordPayment(ports(), who(), {
      receivableId: r.id,
      amount: 50_000,
      paidOn: '2025-03-05',
      source: 'api',
      sourceRef: 's3',
    })
    expect(b.duplicate).toBe(true)
    await drain()
    expect(await stageOf(id)).toBe('SUCCESS')
    await reversePayment(ports(), who(), a.payment.id, 'bank recall', '2025-03-06')
    await drain()
    expect(await stageOf(id)).toBe('AWAITING')
    expect(await rec(id)).toMatchObject({ paid: 0, remaining: 50_000 })
    expect(commentsOn(`dynamic_${w.entityTypeId}`, id)).toHaveLength(1)
  })

  it('a manual move by a person is kept and audited; a partial payment does not fight it', async () => {
    const id = await newReceivable('S-4', 100_000, '2025-03-11')
    await w.sb.admin.call(
      w.portalId,
      'crm.item.update',
      { entityTypeId: w.entityTypeId, id, fields: { stageId: stage('NEGOTIATION') } },
      { userId: w.managerId, events: false },
    )
    await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, id)
    const r = await rec(id)
    expect(r).toMatchObject({ stage: 'NEGOTIATION', manualStage: true })
    const audit = await w.ctx.repos.audit.list(w.memberId, 'receivable', String(r.id))
    expect(audit[0]).toMatchObject({ action: 'receivable.stage-moved-manually', actor: `user:${w.managerId}` })
    await recordPayment(ports(), who(), {
      receivableId: r.id,
      amount: 10_000,
      paidOn: '2025-03-05',
      source: 'manual',
      sourceRef: 's4',
    })
    await drain()
    expect(await stageOf(id)).toBe('NEGOTIATION')
  })

  it('a lost event is healed by the reconcile', async () => {
    await reconcileReceivables(ports(), w.memberId)
    await drain()
    const lost = await portalItem('S-5', 70_000, '2025-03-20')
    const stats = await reconcileReceivables(ports(), w.memberId)
    expect(stats.created).toBe(1)
    await drain()
    expect(await rec(lost)).toMatchObject({ amount: 70_000, invoiceNumber: 'S-5' })
    expect(commentsOn(`dynamic_${w.entityTypeId}`, lost)).toHaveLength(1)
  })

  it('a due date on a holiday moves to the next working day before Overdue', async () => {
    const id = await newReceivable('S-6', 100_000, '2025-01-04', '2024-12-20')
    expect((await rec(id)).effectiveDueDate).toBe('2025-01-09')
    expect(String((await getItem(id))[field('nextDueDate')])).toMatch(/^2025-01-09/) // the portal's filters see the working day
    now = new Date('2025-01-09T12:00:00Z')
    await reconcileReceivables(ports(), w.memberId)
    await drain()
    expect(await stageOf(id)).toBe('NEW')
    now = new Date('2025-01-10T06:00:00Z')
    await reconcileReceivables(ports(), w.memberId)
    await drain()
    expect(await stageOf(id)).toBe('OVERDUE')
  })

  it("a payment while the portal answers 503 lands after the client's backoff, once", async () => {
    const id = await newReceivable('S-7', 80_000, '2025-03-11')
    const r = await rec(id)
    w.sb.admin.failNext(w.portalId, { count: 2, status: 503, error: 'QUERY_LIMIT_EXCEEDED' })
    w.sb.admin.resetCounters(w.portalId)
    await recordPayment(ports(), who(), {
      receivableId: r.id,
      amount: 20_000,
      paidOn: '2025-03-05',
      source: 'robot',
      sourceRef: 's7',
    })
    expect(await drain()).toBe(1) // the production client waited and retried: the job itself did not fail
    expect(w.sb.admin.counters(w.portalId).requests).toBe(3) // two 503 answers, then the one write batch
    expect(await stageOf(id)).toBe('PARTIAL')
    expect(await rec(id)).toMatchObject({ paid: 20_000 })
    expect(commentsOn(`dynamic_${w.entityTypeId}`, id)).toHaveLength(1)
  })

  it('an answer lost after the portal did the batch: no second comment', async () => {
    const id = await portalItem('S-8', 80_000, '2025-03-11')
    await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, id)
    w.sb.admin.failNext(w.portalId, { count: 1, kind: 'lost', method: 'batch' })
    await drain()
    expect(commentsOn(`dynamic_${w.entityTypeId}`, id)).toHaveLength(1)
  })

  it('moving to Sent to client e-mails the invoice once and moves on to Awaiting payment', async () => {
    const id = await newReceivable('S-9', 100_000, '2025-03-20')
    await w.sb.admin.call(
      w.portalId,
      'crm.item.update',
      { entityTypeId: w.entityTypeId, id, fields: { stageId: stage('SENT') } },
      { userId: w.managerId, events: false },
    )
    await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, id)
    await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, id)
    const mails = w.sb.admin.outbox(w.portalId)
    expect(mails.filter((m) => JSON.stringify(m).includes('S-9'))).toHaveLength(1)
    expect(await stageOf(id)).toBe('AWAITING')
  })

  describe('Sent to client by Telegram as well', () => {
    const bot: { chat: unknown; text: string }[] = []
    beforeAll(() => {
      nock('https://api.telegram.org')
        .persist()
        .post('/bot777:inv/sendMessage')
        .reply(200, async (req: Request) => {
          const body = (await req.json()) as { text: string; chat_id: unknown }
          bot.push({ chat: body.chat_id, text: body.text })
          return { ok: true, result: { message_id: bot.length } }
        })
    })
    afterAll(() => {
      nock.cleanAll()
    })
    const chatFor = async (companyId: number, chat: string) => {
      const cp = await w.ctx.database.db
        .selectFrom('counterparties')
        .select('id')
        .where('member_id', '=', w.memberId)
        .where('entity_id', '=', companyId)
        .executeTakeFirstOrThrow()
      await dunningRepository(w.ctx.database.db).patchCounterparty(w.memberId, Number(cp.id), {
        telegram_chat_id: chat,
      })
    }
    const sent = async (id: number) => {
      await w.sb.admin.call(
        w.portalId,
        'crm.item.update',
        { entityTypeId: w.entityTypeId, id, fields: { stageId: stage('SENT') } },
        { userId: w.managerId, events: false },
      )
      await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, id)
      await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, id) // a repeated event
    }

    it("the invoice goes to the e-mail and the counterparty's chat, each once, and the chat is recorded in the timeline", async () => {
      const id = await newReceivable('S-10', 120_000, '2025-03-20')
      await chatFor(w.companyId, '5001')
      await sent(id)
      expect(bot.filter((m) => m.text.includes('S-10'))).toEqual([
        { chat: '5001', text: expect.stringContaining('Направляем счёт № S-10 от 01.03.2025 на сумму 1 200,00 RUB') },
      ])
      expect(w.sb.admin.outbox(w.portalId).filter((m) => JSON.stringify(m).includes('S-10'))).toHaveLength(1)
      expect(
        commentsOn(`dynamic_${w.entityTypeId}`, id).filter((c) =>
          String(c.COMMENT).includes('отправлен клиенту в Telegram'),
        ),
      ).toHaveLength(1)
      expect(await stageOf(id)).toBe('AWAITING')
    })

    it('a counterparty with a chat but no e-mail gets the invoice by Telegram alone and the invoice awaits payment', async () => {
      const noMail = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ИП Без Почты' })
      const id = await newReceivable('S-11', 30_000, '2025-03-20', undefined, noMail)
      await chatFor(noMail, '5002')
      await sent(id)
      expect(bot.filter((m) => m.text.includes('S-11')).map((m) => m.chat)).toEqual(['5002'])
      expect(w.sb.admin.outbox(w.portalId).filter((m) => JSON.stringify(m).includes('S-11'))).toHaveLength(0)
      expect(await stageOf(id)).toBe('AWAITING')
      const audit = await w.ctx.repos.audit.list(w.memberId, 'receivable', String((await rec(id)).id))
      expect(audit.map((a) => a.action)).toContain('invoice.delivery-skipped')
    })
  })
})
