// "Sent to client" with our legal entity set up: the e-mail activity carries the invoice PDF as a
// file (crm-activity-add.md FILES), the sandbox's outbox holds it, and its QR code decodes to the
// invoice's exact sum and our requisites; the PDF is kept in the item's file field. A missing
// requisite (ours or the client's) sends nothing and says which one in the timeline, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import nock from 'nock'
import { createTelegramClient } from '../../../server/channels/telegram-client.ts'
import { dunningRepository } from '../../../server/storage/repositories/dunning.ts'
import { decodeQrPng } from '../../helpers/pdf-qr-reader.ts'
import { receivablesPorts, type ReceivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { handleReceivableItemEvent } from '../../../server/use-cases/receivables/handle-receivable-item-event.ts'
import { mirrorReceivable } from '../../../server/use-cases/receivables/mirror-receivable.ts'
import type { MirrorJobData } from '../../../server/use-cases/receivables/enqueue-mirror.ts'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'
import { LEGAL_ENTITIES_SETTING, type LegalEntity } from '../../../server/use-cases/admin/legal-entities.ts'
import { parsePaymentQrPayload } from '../../../server/domain/money/payment-qr-payload.ts'
import { readPdfPage } from '../../helpers/pdf-qr-reader.ts'
import { startReceivablesSandbox, type SandboxWorld } from './sandbox-world.ts'

let w: SandboxWorld
let queued: MirrorJobData[] = []
const seen = new Set<string>()
const now = new Date('2025-03-05T09:00:00Z')

const ports = (): ReceivablesPorts => ({
  ...receivablesPorts(w.ctx, { clients: w.client, installState: async () => w.installState, now: () => now }),
  telegram: createTelegramClient({ botToken: '777:doc', apiBase: 'https://api.telegram.org' }),
  send: async (_n, data, o) => {
    if (!seen.has(o.key!)) {
      seen.add(o.key!)
      queued.push(data as MirrorJobData)
    }
  },
})
const field = (key: string) => w.installState.processes.receivables!.fields[key].restName
const stage = (code: string) => Object.values(w.installState.processes.receivables!.pipelines)[0]!.stages[code]!
const getItem = async (id: number) =>
  (
    await w.sb.admin.call<{ item: Record<string, unknown> }>(w.portalId, 'crm.item.get', {
      entityTypeId: w.entityTypeId,
      id,
    })
  ).result.item
const mailsOf = (n: string) => w.sb.admin.outbox(w.portalId).filter((m) => String(m.subject).includes(n))
const commentsOf = (id: number) =>
  w.sb.admin
    .comments(w.portalId)
    .filter((c) => String(c.ENTITY_TYPE) === `dynamic_${w.entityTypeId}` && Number(c.ENTITY_ID) === id)
    .map((c) => String(c.COMMENT))

const ours: LegalEntity = {
  name: 'ООО "Поставщик"',
  inn: '7707083893',
  kpp: '773601001',
  ogrn: '',
  address: 'г. Москва, ул. Ленина, д. 1',
  signer: 'И. И. Иванов',
  signerTitle: 'Генеральный директор',
  accountant: 'А. А. Смирнова',
  vatRate: 20,
  bankDetails: {
    bank: 'ПАО Сбербанк',
    bic: '044525225',
    account: '40702810900000000001',
    corrAccount: '30101810400000000225',
  },
}
const setEntity = (e: LegalEntity) => w.ctx.repos.settings.set(w.memberId, LEGAL_ENTITIES_SETTING, [e], 'test')

let buyer: number
let noInn: number

async function sentToClient(n: string, kopecks: number, companyId: number): Promise<number> {
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
          [field('invoiceDate')]: '2025-03-01',
          [field('dueDate')]: '2025-03-20',
          [field('amount')]: `${kopecks / 100}|RUB`,
          [field('currency')]: 'RUB',
        },
      },
      { events: false },
    )
  ).result
  await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, item.id)
  while (queued.length) await mirrorReceivable(ports(), queued.shift()!)
  await w.sb.admin.call(
    w.portalId,
    'crm.item.update',
    { entityTypeId: w.entityTypeId, id: item.id, fields: { stageId: stage('SENT') } },
    { userId: w.managerId, events: false },
  )
  await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, item.id)
  await handleReceivableItemEvent(ports(), w.memberId, w.entityTypeId, item.id) // a repeated event
  return item.id
}

beforeAll(async () => {
  // the Bot API only through nock: until a test answers for it, the bot is unreachable
  nock.disableNetConnect()
  nock.enableNetConnect((host) => !host.includes('api.telegram.org'))
  w = await startReceivablesSandbox()
  buyer = w.sb.admin.seedCompany(
    w.portalId,
    { TITLE: 'Вектор', EMAIL: [{ VALUE: 'buh@vector.test', VALUE_TYPE: 'WORK' }] },
    [{ RQ_COMPANY_NAME: 'ООО "Вектор"', RQ_INN: '7812345678', RQ_KPP: '781201001' }],
  )
  noInn = w.sb.admin.seedCompany(w.portalId, {
    TITLE: 'Без ИНН',
    EMAIL: [{ VALUE: 'noinn@x.test', VALUE_TYPE: 'WORK' }],
  })
  queued = []
}, 90_000)
afterAll(async () => {
  nock.cleanAll()
  nock.enableNetConnect()
  await w.close()
}, 30_000)

describe('the invoice PDF on Sent to client', { timeout: 60_000 }, () => {
  it('is attached to the e-mail once; its QR code decodes to the exact sum and our requisites', async () => {
    await setEntity(ours)
    const id = await sentToClient('Q-1', 30_879_668, buyer)
    const mails = mailsOf('Q-1')
    expect(mails).toHaveLength(1)
    expect(String(mails[0].body)).not.toContain('t.me/') // no bot answers: no Telegram link offered
    const files = mails[0].files as { fileData: [string, string] }[]
    expect(files).toHaveLength(1)
    expect(files[0].fileData[0]).toBe('invoice-Q-1.pdf')
    const page = readPdfPage(Buffer.from(files[0].fileData[1], 'base64'))
    expect(parsePaymentQrPayload(page.qr!)).toEqual({
      Name: 'ООО «Поставщик»',
      PersonalAcc: '40702810900000000001',
      BankName: 'ПАО Сбербанк',
      BIC: '044525225',
      CorrespAcc: '30101810400000000225',
      PayeeINN: '7707083893',
      KPP: '773601001',
      Sum: '30879668',
      Purpose: 'Оплата по счёту № Q-1 от 01.03.2025. В т.ч. НДС 20% 51 466,11',
    })
    const text = page.text.replace(/[\u00a0 ]+/g, ' ')
    expect(text).toContain('ООО «Вектор», ИНН 7812345678, КПП 781201001')
    expect(text).toContain('Триста восемь тысяч семьсот девяносто шесть рублей 68 копеек')
    expect(String(mails[0].body)).toContain('Счёт с QR-кодом для оплаты — во вложении')
    // the activity exposes its file as the portal does, and the item keeps the PDF in its file field
    const act = await w.sb.admin.call<{ FILES: { id: number; url: string }[] }>(w.portalId, 'crm.activity.get', {
      id: mails[0].activityId,
    })
    expect(act.result.FILES).toHaveLength(1)
    const item = await getItem(id)
    expect(item[field('invoiceFile')]).toMatchObject({
      id: expect.any(Number),
      urlMachine: expect.stringContaining('crm.controller.item.getFile'),
    })
    expect(String(item.stageId)).toContain('AWAITING')
  })

  it("sends nothing without our settlement account, and says so in the item's timeline once", async () => {
    await setEntity({ ...ours, bankDetails: { ...ours.bankDetails, account: '' } })
    const id = await sentToClient('Q-2', 100_000, buyer)
    expect(mailsOf('Q-2')).toHaveLength(0)
    const notes = commentsOf(id).filter((c) => c.includes('не отправлен'))
    expect(notes).toEqual([
      'Счёт не сформирован и не отправлен: в реквизитах нашей организации «ООО "Поставщик"» не заполнено или неверно поле «расчётный счёт». Исправьте его в настройках приложения (Юридические лица).',
    ])
    expect(String((await getItem(id)).stageId)).toContain('SENT')
    const rec = (await receivablesRepository(w.ctx.database.db).getByItem(w.memberId, id))!
    const audit = await w.ctx.repos.audit.list(w.memberId, 'receivable', String(rec.id))
    expect(audit.find((a) => a.action === 'invoice.delivery-refused')?.details).toMatchObject({ field: 'account' })
  })

  it("sends nothing to a company without an INN in its requisites, naming the client's INN", async () => {
    await setEntity(ours)
    const id = await sentToClient('Q-3', 100_000, noInn)
    expect(mailsOf('Q-3')).toHaveLength(0)
    expect(commentsOf(id).filter((c) => c.includes('«ИНН покупателя»'))).toHaveLength(1)
  })

  it("sends the client's Telegram chat the text and then the QR code as a photo, each once", async () => {
    await setEntity(ours)
    const bot: { method: string; body: Buffer }[] = []
    nock('https://api.telegram.org')
      .persist()
      .post('/bot777:doc/getMe')
      .reply(200, { ok: true, result: { id: 777, is_bot: true, username: 'rc_pay_bot' } })
    nock('https://api.telegram.org')
      .persist()
      .post(/\/bot777:doc\/(sendMessage|sendPhoto)/)
      .reply(200, async (req: Request) => {
        bot.push({ method: new URL(req.url).pathname.split('/').pop()!, body: Buffer.from(await req.arrayBuffer()) })
        return { ok: true, result: { message_id: bot.length } }
      })
    const chatOwner = w.sb.admin.seedCompany(
      w.portalId,
      { TITLE: 'С чатом', EMAIL: [{ VALUE: 'chat@x.test', VALUE_TYPE: 'WORK' }] },
      [{ RQ_COMPANY_NAME: 'ООО "С чатом"', RQ_INN: '7812345678' }],
    )
    const first = await sentToClient('Q-4a', 10_000, chatOwner) // the counterparty appears in the ledger
    expect(mailsOf('Q-4a')).toHaveLength(1)
    // no chat yet: the e-mail offers the one-time link to join (7 days)
    expect(String(mailsOf('Q-4a')[0].body)).toMatch(
      /\nНапоминания об оплате можно получать в Telegram: https:\/\/t\.me\/rc_pay_bot\?start=cp_[\w-]{24} \(ссылка действует до 12\.03\.2025\)\.$/,
    )
    const cp = await w.ctx.database.db
      .selectFrom('counterparties')
      .select('id')
      .where('member_id', '=', w.memberId)
      .where('entity_id', '=', chatOwner)
      .executeTakeFirstOrThrow()
    await dunningRepository(w.ctx.database.db).patchCounterparty(w.memberId, Number(cp.id), {
      telegram_chat_id: '9001',
    })
    expect(first).toBeGreaterThan(0)
    await sentToClient('Q-4', 123_456, chatOwner)
    const q4 = mailsOf('Q-4').filter((m) => String(m.subject).endsWith('Q-4'))
    expect(q4).toHaveLength(1)
    expect(String(q4[0].body)).not.toContain('t.me/') // the chat is there: no link
    expect(bot.map((b) => b.method)).toEqual(['sendMessage', 'sendPhoto'])
    const message = JSON.parse(bot[0].body.toString('utf8')) as { chat_id: string; text: string }
    expect(message.chat_id).toBe('9001')
    expect(message.text).toContain('Направляем счёт № Q-4')
    expect(message.text).not.toContain('во вложении')
    const photo = bot[1].body
    const png = photo.subarray(photo.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47])), photo.indexOf('IEND') + 8)
    expect(parsePaymentQrPayload(decodeQrPng(png)!)).toMatchObject({ Sum: '123456', PayeeINN: '7707083893' })
  })
})
