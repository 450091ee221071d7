// The payment QR code in reminders: with our legal entity set up, the reminder e-mail carries a PNG
// per invoice (crm-activity-add.md FILES) and the counterparty's Telegram chat gets it as a photo
// (Bot API sendPhoto, nock); the code decodes to what is still owed on the invoice (not its full
// amount) and to our requisites. A retried job sends neither twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import nock from 'nock'
import type { Sandbox } from '../../../sandbox/index.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'
import { createTelegramClient } from '../../../server/channels/telegram-client.ts'
import { defaultDunningRules } from '../../../server/domain/dunning/index.ts'
import { parsePaymentQrPayload } from '../../../server/domain/money/payment-qr-payload.ts'
import { dunningPorts, type DunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { runDunningScan, type RemindJobData } from '../../../server/use-cases/dunning/run-dunning-scan.ts'
import { sendDunningReminder } from '../../../server/use-cases/dunning/send-dunning-reminder.ts'
import { LEGAL_ENTITIES_SETTING } from '../../../server/use-cases/admin/legal-entities.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { decodeQrPng } from '../../helpers/pdf-qr-reader.ts'
import { at } from './simulate.ts'

let M = ''
let sb: Sandbox
let t: Awaited<ReturnType<typeof connectSandboxApp>>
let pid = 0
let ports: DunningPorts
const clock = { now: at('2025-06-05', 8) }
const jobs: { name: string; data: object }[] = []
const bot: { method: string; body: Buffer }[] = []

/** The PNG inside a multipart body: from its signature to the end of its IEND chunk. */
const pngOf = (body: Buffer) => {
  const start = body.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  const end = body.indexOf(Buffer.from('IEND')) + 8
  return body.subarray(start, end)
}

beforeAll(async () => {
  t = await connectSandboxApp()
  await installPortal(t.ctx, t.memberId, true)
  ;({ sb, portalId: pid, memberId: M } = t)
  const state = (await t.ctx.repos.installState.get(M)) as InstallState
  const manager = sb.admin.addUser(pid, { name: 'Ivan', lastName: 'Manager', email: 'ivan@corp.test' }).id
  const company = sb.admin.seedCompany(pid, {
    TITLE: 'ООО Ромашка',
    EMAIL: [{ VALUE: 'buh@romashka.test', VALUE_TYPE: 'WORK' }],
  })
  const item = (
    await sb.admin.call<{ item: { id: number } }>(pid, 'crm.item.add', {
      entityTypeId: state.processes.receivables!.entityTypeId,
      fields: { title: 'INV-9', companyId: company, assignedById: manager },
    })
  ).result.item.id
  const db = t.ctx.database.db
  const cp = await db
    .insertInto('counterparties')
    .values({ member_id: M, entity_type: 'company', entity_id: company, name: 'ООО Ромашка', inn: null, kpp: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('dunning_counterparties')
    .values({ member_id: M, counterparty_id: Number(cp.id), telegram_chat_id: '7001', updated_at: new Date() })
    .execute()
  await db
    .insertInto('receivables')
    .values({
      member_id: M,
      counterparty_id: Number(cp.id),
      item_id: item,
      invoice_number: 'INV-9',
      invoice_date: '2025-05-15',
      due_date: '2025-06-16',
      effective_due_date: '2025-06-16',
      amount: 75_000_00,
      paid: 25_000_00,
      stage: 'AWAITING',
      responsible_id: manager,
      created_by: 't',
      created_source: 't',
    })
    .execute()
  await t.ctx.repos.settings.set(M, 'dunning', { ...defaultDunningRules(), headOfSalesId: manager }, 'test')
  await t.ctx.repos.settings.set(
    M,
    LEGAL_ENTITIES_SETTING,
    [
      {
        name: 'ООО "Поставщик"',
        inn: '7707083893',
        kpp: '773601001',
        ogrn: '',
        address: '',
        signer: '',
        signerTitle: '',
        vatRate: 'none',
        bankDetails: {
          bank: 'ПАО Сбербанк',
          bic: '044525225',
          account: '40702810900000000001',
          corrAccount: '30101810400000000225',
        },
      },
    ],
    'test',
  )
  nock('https://api.telegram.org')
    .persist()
    .post(/\/bot777:qr\/(sendMessage|sendPhoto)/)
    .reply(200, async (req: Request) => {
      bot.push({ method: new URL(req.url).pathname.split('/').pop()!, body: Buffer.from(await req.arrayBuffer()) })
      return { ok: true, result: { message_id: bot.length } }
    })
  ports = dunningPorts(t.ctx, {
    clients: t.ctx.b24!,
    installState: async () => state,
    now: () => clock.now,
    telegram: createTelegramClient({ botToken: '777:qr', apiBase: 'https://api.telegram.org' }),
    send: async (name, data) => {
      jobs.push({ name, data })
      return null
    },
  })
}, 60_000)
afterAll(async () => {
  nock.cleanAll()
  await sb.close()
  await t.close()
}, 30_000)

describe('the payment QR code in reminders', { timeout: 60_000 }, () => {
  it('goes with the e-mail as a PNG and to Telegram as a photo, for what is still owed, once', async () => {
    await runDunningScan(ports, M)
    const remind = jobs.find((j) => j.name === 'dunning-remind')!
    clock.now = at('2025-06-05', 10, 30)
    expect(await sendDunningReminder(ports, remind.data as RemindJobData)).toBe('sent')
    await sendDunningReminder(ports, remind.data as RemindJobData) // a retried job sends nothing twice
    const outbox = sb.admin.outbox(pid)
    expect(outbox).toHaveLength(1)
    expect(String(outbox[0].body)).toContain('QR-код для оплаты — во вложении.')
    const files = outbox[0].files as { fileData: [string, string] }[]
    expect(files.map((f) => f.fileData[0])).toEqual(['qr-INV-9.png'])
    const mailed = decodeQrPng(Buffer.from(files[0].fileData[1], 'base64'))
    expect(parsePaymentQrPayload(mailed!)).toMatchObject({
      Name: 'ООО «Поставщик»',
      PersonalAcc: '40702810900000000001',
      BIC: '044525225',
      PayeeINN: '7707083893',
      Sum: '5000000',
      Purpose: 'Оплата по счёту № INV-9 от 15.05.2025. НДС не облагается',
    })
    expect(bot.map((b) => b.method)).toEqual(['sendMessage', 'sendPhoto'])
    const photo = bot[1].body
    expect(photo.toString('utf8')).toContain('name="chat_id"\r\n\r\n7001')
    expect(photo.toString('utf8')).toContain('QR-код для оплаты счёта № INV-9: 50 000,00 ₽')
    expect(decodeQrPng(pngOf(photo))).toBe(mailed)
  })
})
