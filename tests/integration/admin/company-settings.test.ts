// The admin page's settings API against the sandbox portal: calendar, key rates (used by the
// penalty engine), legal entity, connection state with the install plan, the Telegram check (nock);
// every form validates on the server, changes are audited, non-admins are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import nock from 'nock'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { portalKeyRates } from '../../../server/use-cases/claims/penalty-settings.ts'
import { portalDay } from '../../../server/use-cases/receivables/receivable-calendar.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'

let w: RobotWorld
let clerk: number
const call = async <T>(method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object, user = 1) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, user) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${t.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() as T & { error?: string; message?: string } }
}
const audits = async (entityId: string) =>
  (
    await w.ctx.database.db
      .selectFrom('audit_log')
      .select('actor')
      .where('member_id', '=', w.memberId)
      .where('entity_id', '=', entityId)
      .execute()
  ).length

beforeAll(async () => {
  w = await startRobotWorld({ env: { TELEGRAM_BOT_TOKEN: '123456:test-token' } })
  clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
}, 90_000)
// the sandbox first: its event deliveries in flight would hold the app's close
afterAll(async () => {
  nock.cleanAll()
  await w?.close()
}, 60_000)

describe('admin settings', () => {
  it('calendar: saved when valid (and used), refused with the reason otherwise', async () => {
    const view = await call<{
      settings: { timezone: string; workStart: string }
      yearsPresent: number[]
      missingYears: number[]
    }>('GET', '/admin/calendar')
    expect(view.body.settings).toMatchObject({ workStart: '09:00', workEnd: '18:00' })
    expect(view.body.yearsPresent).toContain(2026)
    const bad = await call('PUT', '/admin/calendar', { timezone: 'Mars/Olympus', workStart: '09:00', workEnd: '18:00' })
    expect(bad).toMatchObject({ status: 400, body: { error: 'settings.invalid' } })
    expect(bad.body.message).toMatch(/Mars\/Olympus/)
    expect(
      (await call('PUT', '/admin/calendar', { timezone: 'Asia/Yekaterinburg', workStart: '19:00', workEnd: '18:00' }))
        .status,
    ).toBe(400)
    expect(
      (
        await call('PUT', '/admin/calendar', {
          timezone: 'Asia/Yekaterinburg',
          workStart: '09:00',
          workEnd: '18:00',
          companyDaysOff: ['2026-12-31'],
          companyWorkingDays: ['2026-12-31'],
        })
      ).status,
    ).toBe(400)
    const ok = await call<{ settings: { timezone: string; companyDaysOff: string[]; lunch: object } }>(
      'PUT',
      '/admin/calendar',
      {
        timezone: 'Asia/Yekaterinburg',
        workStart: '08:30',
        workEnd: '17:30',
        lunch: { start: '13:00', end: '14:00' },
        companyDaysOff: ['2026-12-31', '2026-12-30', '2026-12-31'],
      },
    )
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body.settings).toMatchObject({
      timezone: 'Asia/Yekaterinburg',
      companyDaysOff: ['2026-12-30', '2026-12-31'],
      lunch: { start: '13:00', end: '14:00' },
    })
    const day = await portalDay(receivablesPorts(w.ctx), w.memberId)
    expect(day.calendar.timezone).toBe('Asia/Yekaterinburg')
    expect(day.calendar.companyDaysOff.has('2026-12-31')).toBe(true)
    expect(await audits('calendar')).toBe(1)
  })

  it('key rates: a new rate is added to the table the penalty engine uses; nonsense is refused', async () => {
    expect((await call('POST', '/admin/key-rates', { from: '2026-13-01', percent: '15' })).status).toBe(400)
    expect((await call('POST', '/admin/key-rates', { from: '2026-12-20', percent: '150' })).status).toBe(400)
    const r = await call<{ rates: { from: string; percent: string; added: boolean }[] }>('POST', '/admin/key-rates', {
      from: '2026-12-20',
      percent: '15,5',
    })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.rates[0]).toEqual({ from: '2026-12-20', percent: '15.50', added: true, fromBank: false })
    const table = await portalKeyRates({ settings: w.ctx.repos.settings, log: w.ctx.log }, w.memberId)
    expect(table.rows.at(-1)).toEqual({ from: '2026-12-20', bp: 1550 })
    const removed = await call<{ rates: { from: string }[] }>('POST', '/admin/key-rates', {
      from: '2026-12-20',
      percent: null,
    })
    expect(removed.body.rates.some((x) => x.from === '2026-12-20')).toBe(false)
  })

  it('legal entity: requisites validated field by field', async () => {
    const base = {
      name: 'ООО «Поставщик»',
      inn: '7701234567',
      kpp: '770101001',
      ogrn: '1027700132195',
      address: 'Москва',
      signer: 'И. И. Иванов',
      signerTitle: 'Генеральный директор',
      bankDetails: {
        bank: 'ПАО Сбербанк',
        bic: '044525225',
        account: '40702810900000000001',
        corrAccount: '30101810400000000225',
      },
    }
    const bad = await call('PUT', '/admin/legal-entity', {
      ...base,
      bankDetails: { ...base.bankDetails, account: '4070' },
    })
    expect(bad).toMatchObject({ status: 400 })
    expect(bad.body.message).toBe('bankDetails.account: 20 digits')
    expect((await call('PUT', '/admin/legal-entity', { ...base, inn: '' })).status).toBe(400)
    expect((await call('PUT', '/admin/legal-entity', base)).status).toBe(200)
    expect((await call<{ entity: { inn: string } }>('GET', '/admin/legal-entity')).body.entity).toMatchObject({
      inn: '7701234567',
      bankDetails: { bic: '044525225' },
    })
    // several entities of ours: added, edited (its INN may change), one per INN, deleted; the first is the default
    type List = { entities: { name: string; inn: string }[] }
    const second = { ...base, name: 'ООО «Филиал»', inn: '7702345678' }
    expect(
      (await call<List>('PUT', '/admin/legal-entities', { entity: second })).body.entities.map((e) => e.inn),
    ).toEqual(['7701234567', '7702345678'])
    const dup = await call('PUT', '/admin/legal-entities', {
      entity: { ...second, name: 'Дубль', inn: '7701234567' },
      replaceInn: '7702345678',
    })
    expect(dup).toMatchObject({ status: 400, body: { error: 'settings.invalid' } })
    expect(dup.body.message).toContain('7701234567')
    expect((await call('PUT', '/admin/legal-entities', { entity: second, replaceInn: '7709999999' })).status).toBe(404)
    const renamed = await call<List>('PUT', '/admin/legal-entities', {
      entity: { ...second, name: 'ООО «Филиал-2»', inn: '770234567890' },
      replaceInn: '7702345678',
    })
    // the INN's control digits fail: saved all the same, with a warning (domain/parties/inn.ts)
    expect((renamed.body as { warnings?: unknown }).warnings).toEqual([{ code: 'inn-invalid', inn: '770234567890' }])
    expect(renamed.body.entities.map((e) => [e.name, e.inn])).toEqual([
      ['ООО «Поставщик»', '7701234567'],
      ['ООО «Филиал-2»', '770234567890'],
    ])
    expect((await call('PUT', '/admin/legal-entities', { entity: second }, clerk)).status).toBe(403)
    expect((await call('DELETE', '/admin/legal-entities/770234567890')).status).toBe(200)
    expect((await call<List>('GET', '/admin/legal-entities')).body.entities.map((e) => e.inn)).toEqual(['7701234567'])
  })

  it('connection: connected with nothing to change; disconnected shows the reason', async () => {
    const c = await call<{ status: string; plan: { count: number } }>('GET', '/admin/connection')
    expect(c.body).toMatchObject({ status: 'active', plan: { count: 0 } })
    await w.ctx.repos.portals.setStatus(w.memberId, 'disconnected', 'invalid_grant: the refresh token was refused')
    try {
      const d = await call<{ status: string; reason: string; hint: string }>('GET', '/admin/connection')
      expect(d.status).toBe(200)
      expect(d.body).toMatchObject({
        status: 'disconnected',
        reason: 'invalid_grant: the refresh token was refused',
        hint: 'reinstall-from-market',
      })
    } finally {
      await w.ctx.repos.portals.setStatus(w.memberId, 'active', null)
    }
  })

  it('Telegram check asks the Bot API who the bot is', async () => {
    const scope = nock('https://api.telegram.org')
      .post('/bot123456:test-token/getMe')
      .reply(200, { ok: true, result: { id: 1, is_bot: true, username: 'rc_demo_bot' } })
    const r = await call<{ ok: boolean; username: string }>('POST', '/admin/telegram/check', {})
    expect(r.body).toMatchObject({ ok: true, username: 'rc_demo_bot' })
    expect(scope.isDone()).toBe(true)
  })

  it('thank-you on Paid: off by default, unknown variables refused, once switched on a paid invoice sends it once', async () => {
    const view = await call<{ enabled: boolean; subject: string }>('GET', '/admin/thank-you')
    expect(view.body).toMatchObject({ enabled: false, subject: 'Спасибо за оплату' })
    const bad = await call('PUT', '/admin/thank-you', {
      enabled: true,
      subject: 'Спасибо',
      template: 'Счёт {invoice} оплачен, {client}!',
    })
    expect(bad).toMatchObject({ status: 400, body: { error: 'settings.invalid' } })
    expect(bad.body.message).toContain('{client}')
    expect((await call('PUT', '/admin/thank-you', { enabled: 'yes' })).status).toBe(400)
    expect((await call('PUT', '/admin/thank-you', { enabled: true, subject: 'x', template: 'y' }, clerk)).status).toBe(
      403,
    )
    const ok = await call<{ enabled: boolean; template: string }>('PUT', '/admin/thank-you', {
      enabled: true,
      subject: 'Благодарим за оплату',
      template: 'Счёт {invoice} оплачен полностью. Спасибо, что вы с нами!',
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body).toMatchObject({
      enabled: true,
      template: 'Счёт {invoice} оплачен полностью. Спасибо, что вы с нами!',
    })
    expect(await audits('receivables.thank-you')).toBe(1)
    const { receivableId } = await w.newReceivable({ amount: 150_000, dueDate: '2027-01-15' })
    const rec = await w.ctx.database.db
      .selectFrom('receivables')
      .select('invoice_number')
      .where('id', '=', receivableId)
      .executeTakeFirstOrThrow()
    const { today } = await portalDay(receivablesPorts(w.ctx), w.memberId)
    await recordPayment(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      { receivableId, amount: 150_000, paidOn: today, source: 'manual', sourceRef: 'ty-1' },
    )
    const thanks = () => w.sb.admin.outbox(w.portalId).filter((m) => m.subject === 'Благодарим за оплату')
    // the mirror job runs on the worker; a retried attempt may wait for the queue's backstop poll
    await expect.poll(() => thanks().length, { timeout: 45_000 }).toBe(1)
    expect(thanks()[0]).toMatchObject({
      to: 'buh@romashka.test',
      body: `Счёт ${rec.invoice_number} оплачен полностью. Спасибо, что вы с нами!`,
    })
  }, 60_000)

  it('e-mail sender: validated, audited, and every e-mail to a client then goes out from it', async () => {
    expect((await call<{ sender: null }>('GET', '/admin/email-sender')).body).toEqual({ sender: null })
    for (const bad of [
      { name: 'Отдел', address: 'not-an-address' },
      { name: 'Отдел <x>', address: 'debts@firm.test' },
      { name: 'Без адреса' },
      [1],
    ]) {
      const r = await call('PUT', '/admin/email-sender', bad)
      expect(r, JSON.stringify(bad)).toMatchObject({ status: 400, body: { error: 'settings.invalid' } })
    }
    expect((await call('PUT', '/admin/email-sender', { name: 'x', address: 'x@y.test' }, clerk)).status).toBe(403)
    const ok = await call<{ sender: object }>('PUT', '/admin/email-sender', {
      name: 'Отдел дебиторки',
      address: 'debts@firm.test',
    })
    expect(ok.body).toEqual({ sender: { name: 'Отдел дебиторки', address: 'debts@firm.test' } })
    expect(await audits('channels.emailSender')).toBe(1)
    // no legal entity of ours: the invoice e-mail goes out without the PDF (see invoice-delivery.test.ts)
    for (const e of (await call<{ entities: { inn: string }[] }>('GET', '/admin/legal-entities')).body.entities)
      expect((await call('DELETE', `/admin/legal-entities/${e.inn}`)).status).toBe(200)
    const { itemId } = await w.newReceivable({ amount: 90_000, dueDate: '2027-01-20' })
    const invoice = (
      await w.ctx.database.db
        .selectFrom('receivables')
        .select('invoice_number')
        .where('item_id', '=', itemId)
        .executeTakeFirstOrThrow()
    ).invoice_number
    await w.sb.admin.call(w.portalId, 'crm.item.update', {
      entityTypeId: w.receivables.entityTypeId,
      id: itemId,
      fields: { stageId: w.stageId('receivables', 'SENT') },
    })
    const sent = () => w.sb.admin.outbox(w.portalId).filter((m) => String(m.subject).includes(invoice))
    await expect.poll(() => sent().length, { timeout: 45_000 }).toBe(1)
    expect(sent()[0].from).toBe('Отдел дебиторки <debts@firm.test>')
    expect((await call('PUT', '/admin/email-sender', { name: '', address: '' })).body).toEqual({ sender: null })
  }, 60_000)

  it('a non-admin gets 403 everywhere and changes nothing', async () => {
    for (const [m, u, b] of [
      ['GET', '/admin/calendar'],
      ['PUT', '/admin/calendar', { timezone: 'UTC', workStart: '09:00', workEnd: '18:00' }],
      ['POST', '/admin/key-rates', { from: '2026-12-21', percent: '1' }],
      ['PUT', '/admin/legal-entity', {}],
      ['GET', '/admin/connection'],
      ['POST', '/admin/telegram/check', {}],
    ] as const) {
      expect((await call(m, u, b as object | undefined, clerk)).status, `${m} ${u}`).toBe(403)
    }
    expect((await portalDay(receivablesPorts(w.ctx), w.memberId)).calendar.timezone).toBe('Asia/Yekaterinburg')
  })
})
