// The "call" step as the portal's telephony callback (issue 24 item 7) against the sandbox portal, on a pinned day
// (Wednesday 09.12.2026, 10:30 Moscow), with the admin's call mode "callback": the callback starts once from the
// default outgoing line to the client's phone, saying whom and about which invoice and sum, although its answer
// was lost and the job retried; a portal without a default line calls from its first line; a client without a
// phone, a number the portal refuses, an employee without the telephony right, a portal without lines and an app
// without `telephony` each give the manager's call task instead, with a note in the timeline line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../sandbox/index.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'
import { defaultDunningRules, type LadderStep } from '../../../server/domain/dunning/index.ts'
import { dunningPorts, type DunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { runDunningScan, type RemindJobData } from '../../../server/use-cases/dunning/run-dunning-scan.ts'
import { sendDunningReminder } from '../../../server/use-cases/dunning/send-dunning-reminder.ts'
import { readDunningPlan } from '../../../server/use-cases/dunning/read-dunning-plan.ts'
import { saveDunningRules } from '../../../server/use-cases/dunning/dunning-settings.ts'
import { sendDunningNow } from '../../../server/use-cases/dunning/send-dunning-now.ts'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { at } from './simulate.ts'
import { seedDebtor } from './seed-debtor.ts'

let M = ''
let sb: Sandbox
let t: Awaited<ReturnType<typeof connectSandboxApp>>
let pid = 0
let state: InstallState
let ports: DunningPorts
const clock = { now: at('2026-12-09', 8) }
const jobs: { name: string; data: RemindJobData }[] = []
const cps: Record<string, number> = {}
const items: Record<string, number> = {}
let manager = 0
// due Wednesday 02.12.2026 + 5 working days = Wednesday 09.12.2026
const step: LadderStep = {
  id: 'call5',
  anchor: 'due',
  offset: 5,
  unit: 'working',
  dayOff: 'next',
  channels: ['call'],
  template: 'overdue',
}
const db = () => t.ctx.database.db
const LINES = [
  { id: 'reg151083', name: 'Cloud PBX' },
  { id: 'sip7', name: 'Office PBX' },
]

async function debtor(name: string, type: 'company' | 'contact', entityId: number, invoice: string, sum: number) {
  const world = { sb, portalId: pid, memberId: M, db: db(), managerId: manager }
  const d = await seedDebtor(
    { ...world, entityTypeId: state.processes.receivables!.entityTypeId },
    { name, type, entityId, invoice, sum },
  )
  cps[name] = d.counterpartyId
  items[name] = d.itemId
}
const jobOf = (name: string) =>
  jobs.find((j) => j.name === 'dunning-remind' && j.data.counterpartyId === cps[name])!.data
const callTaskOf = (invoice: string) =>
  sb.admin
    .tasks(pid)
    .filter((x) => String(x.XML_ID ?? '').startsWith('dunning-send:') && String(x.TITLE).includes(invoice))
const commentsOf = async (name: string) =>
  (
    await sb.admin.call<{ COMMENT: string }[]>(pid, 'crm.timeline.comment.list', {
      filter: { ENTITY_TYPE: `dynamic_${state.processes.receivables!.entityTypeId}`, ENTITY_ID: items[name] },
    })
  ).result.map((c) => c.COMMENT)
const stepOf = async (type: 'company' | 'contact', id: number) =>
  (await readDunningPlan(ports, M, type, id)).receivables[0].steps.find((x) => x.label === 'call5')!
const ids: Record<string, number> = {}
const receivableOf = async (name: string) =>
  Number(
    (await db().selectFrom('receivables').select('id').where('item_id', '=', items[name]).executeTakeFirstOrThrow()).id,
  )

beforeAll(async () => {
  t = await connectSandboxApp()
  await installPortal(t.ctx, t.memberId, true)
  ;({ sb, portalId: pid, memberId: M } = t)
  state = (await t.ctx.repos.installState.get(M)) as InstallState
  manager = sb.admin.addUser(pid, { name: 'Ivan', lastName: 'Manager', email: 'ivan@corp.test' }).id
  const phone = (v: string) => ({ PHONE: [{ VALUE: v, VALUE_TYPE: 'WORK' }] })
  ids.romashka = sb.admin.seedCompany(pid, { TITLE: 'ООО Ромашка', ...phone('+7 (495) 123-45-67') })
  ids.lilia = sb.admin.seedContact(pid, { NAME: 'Лилия', LAST_NAME: 'Петрова' })
  ids.vasilek = sb.admin.seedCompany(pid, { TITLE: 'ООО Василёк', ...phone('звонить секретарю') })
  ids.lutik = sb.admin.seedCompany(pid, { TITLE: 'ООО Лютик', ...phone('+7 812 000-00-01') })
  ids.mak = sb.admin.seedCompany(pid, { TITLE: 'ООО Мак', ...phone('+7 812 000-00-02') })
  ids.astra = sb.admin.seedCompany(pid, { TITLE: 'ООО Астра', ...phone('+7 812 000-00-03') })
  ids.roza = sb.admin.seedCompany(pid, { TITLE: 'ООО Роза', ...phone('+7 812 000-00-04') })
  ids.iris = sb.admin.seedCompany(pid, { TITLE: 'ООО Ирис', ...phone('+7 343 555-00-11') })
  ids.irisChat = sb.admin.connectOpenLine(pid, { entityType: 'company', entityId: ids.iris })
  await debtor('ООО Ромашка', 'company', ids.romashka, 'CB-1', 50_000_00)
  await debtor('Лилия Петрова', 'contact', ids.lilia, 'CB-2', 12_345_67)
  await debtor('ООО Василёк', 'company', ids.vasilek, 'CB-3', 1_000_00)
  await debtor('ООО Лютик', 'company', ids.lutik, 'CB-4', 2_000_00)
  await debtor('ООО Мак', 'company', ids.mak, 'CB-5', 3_000_00)
  await debtor('ООО Астра', 'company', ids.astra, 'CB-6', 4_000_00)
  await debtor('ООО Роза', 'company', ids.roza, 'CB-7', 5_000_00)
  await debtor('ООО Ирис', 'company', ids.iris, 'CB-8', 7_500_00)
  sb.admin.seedTelephony(pid, { lines: LINES, outgoing: 'sip7' })
  ports = dunningPorts(t.ctx, {
    clients: t.ctx.b24!,
    installState: async () => state,
    now: () => clock.now,
    send: async (name, data) => {
      jobs.push({ name, data: data as RemindJobData })
      return null
    },
  })
  const rules = defaultDunningRules()
  await saveDunningRules(
    ports,
    M,
    { callMode: 'callback', ladders: rules.ladders.map((l) => ({ ...l, steps: [step], tail: null })) },
    'test',
  )
  await runDunningScan(ports, M)
  clock.now = at('2026-12-09', 10, 30)
}, 60_000)
afterAll(async () => {
  await sb.close()
  await t.close()
}, 30_000)

describe('the call step as the portal callback on the sandbox portal', () => {
  it('a lost answer and a retried job: one callback from the default line to the client, no call task', async () => {
    const job = jobOf('ООО Ромашка')
    sb.admin.failNext(pid, { count: 1, kind: 'lost', method: 'voximplant.callback.start' })
    await expect(sendDunningReminder(ports, job)).rejects.toThrow()
    expect(sb.admin.callbacks(pid)).toHaveLength(1) // the portal rang; the app never heard
    expect(await sendDunningReminder(ports, job)).toBe('sent')
    expect(await sendDunningReminder(ports, job)).toBe('sent') // a retried job starts nothing more
    const calls = sb.admin.callbacks(pid)
    expect(calls).toEqual([
      expect.objectContaining({
        fromLine: 'sip7',
        toNumber: '+7 (495) 123-45-67',
        text: 'Звонок клиенту ООО Ромашка по оплате: счёт CB-1 на 50 000,00 рубля. Соединяю.',
      }),
    ])
    expect(callTaskOf('CB-1')).toEqual([])
    expect(await commentsOf('ООО Ромашка')).toEqual([
      expect.stringContaining('(r.call5) 09.12.2026: отправлено (обратный звонок).'),
    ])
    expect((await stepOf('company', ids.romashka)).detail).toMatchObject({
      channels: ['call'],
      callback: { callId: '' }, // started, its id lost with the answer
    })
  })

  it('a client without a phone: the call task instead, with the note', async () => {
    expect(await sendDunningReminder(ports, jobOf('Лилия Петрова'))).toBe('sent')
    expect(sb.admin.callbacks(pid).filter((c) => String(c.text).includes('CB-2'))).toEqual([])
    expect(callTaskOf('CB-2')).toHaveLength(1)
    expect(await commentsOf('Лилия Петрова')).toEqual([
      expect.stringContaining(
        'отправлено (задача на звонок). Обратный звонок: не запущен — у клиента не указан телефон; ' +
          'поставлена задача на звонок.',
      ),
    ])
    expect((await stepOf('contact', ids.lilia)).detail).toMatchObject({ callback: { fallback: 'no-phone' } })
  })

  it('a number the portal refuses (ERROR_CORE): the call task instead, once under a retried job', async () => {
    expect(await sendDunningReminder(ports, jobOf('ООО Василёк'))).toBe('sent')
    expect(await sendDunningReminder(ports, jobOf('ООО Василёк'))).toBe('sent')
    expect(sb.admin.callbacks(pid).filter((c) => String(c.text).includes('CB-3'))).toEqual([])
    expect(callTaskOf('CB-3')).toHaveLength(1)
    expect(await commentsOf('ООО Василёк')).toEqual([
      expect.stringContaining('Обратный звонок: не запущен — портал отказал в звонке; поставлена задача на звонок.'),
    ])
  })

  it('no default outgoing line: the first of the portal lines calls', async () => {
    sb.admin.seedTelephony(pid, { lines: LINES })
    expect(await sendDunningReminder(ports, jobOf('ООО Лютик'))).toBe('sent')
    expect(sb.admin.callbacks(pid).filter((c) => String(c.text).includes('CB-4'))).toEqual([
      expect.objectContaining({ fromLine: 'reg151083', toNumber: '+7 812 000-00-01' }),
    ])
    expect(callTaskOf('CB-4')).toEqual([])
  })

  it('an employee without the telephony right (ACCESS_DENIED): the call task instead, with the note', async () => {
    const users = sb.admin.call<{ ID: string }[]>(pid, 'user.get', {})
    const all = (await users).result.map((u) => Number(u.ID))
    sb.admin.seedTelephony(pid, { lines: LINES, outgoing: 'sip7', deniedUsers: all })
    expect(await sendDunningReminder(ports, jobOf('ООО Мак'))).toBe('sent')
    sb.admin.seedTelephony(pid, { lines: LINES, outgoing: 'sip7' })
    expect(sb.admin.callbacks(pid).filter((c) => String(c.text).includes('CB-5'))).toEqual([])
    expect(callTaskOf('CB-5')).toHaveLength(1)
    expect(await commentsOf('ООО Мак')).toEqual([expect.stringContaining('портал отказал в звонке')])
  })

  it('a portal without lines: the call task instead, with the note', async () => {
    sb.admin.seedTelephony(pid, { lines: [] })
    expect(await sendDunningReminder(ports, jobOf('ООО Астра'))).toBe('sent')
    sb.admin.seedTelephony(pid, { lines: LINES, outgoing: 'sip7' })
    expect(callTaskOf('CB-6')).toHaveLength(1)
    expect(await commentsOf('ООО Астра')).toEqual([
      expect.stringContaining('Обратный звонок: не запущен — в портале нет линии для исходящих звонков;'),
    ])
  })

  it('an app without telephony: the call task instead, with the note', async () => {
    const granted = t.sbApp.scopes
    sb.admin.registerApp({ clientId: t.sbApp.clientId, scopes: granted.filter((s) => s !== 'telephony') })
    try {
      expect(await sendDunningReminder(ports, jobOf('ООО Роза'))).toBe('sent')
    } finally {
      sb.admin.registerApp({ clientId: t.sbApp.clientId, scopes: granted })
    }
    expect(sb.admin.callbacks(pid).filter((c) => String(c.text).includes('CB-7'))).toEqual([])
    expect(callTaskOf('CB-7')).toHaveLength(1)
    expect(await commentsOf('ООО Роза')).toEqual([
      expect.stringContaining('Обратный звонок: не запущен — у приложения нет права «Телефония» (telephony);'),
    ])
  })

  it('send now: an unknown channel is refused naming it, nothing goes', async () => {
    const rid = await receivableOf('ООО Ирис')
    const r = sendDunningNow(ports, { memberId: M, userId: manager }, rid, {
      requestId: 'req-fax-0001',
      channels: ['openline', 'fax'],
    })
    await expect(r).rejects.toMatchObject({
      code: 'dunning.invalid-input',
      details: { rule: 'channel', channel: 'fax' },
    })
    expect(sb.admin.openLineMessages(pid)).toEqual([])
  })

  it("send now on the open line and by call: the client's chat and one callback, once per request id", async () => {
    const rid = await receivableOf('ООО Ирис')
    const input = { requestId: 'req-iris-0001', channels: ['openline', 'call'], body: 'Оплатите, пожалуйста' }
    for (let i = 0; i < 2; i++)
      expect(await sendDunningNow(ports, { memberId: M, userId: manager }, rid, input)).toMatchObject({
        sent: ['openline', 'call'],
        failed: {},
      })
    expect(sb.admin.openLineMessages(pid)).toEqual([
      expect.objectContaining({ chatId: ids.irisChat, userId: manager, message: expect.stringContaining('Оплатите') }),
    ])
    expect(sb.admin.callbacks(pid).filter((c) => c.toNumber === '+7 343 555-00-11')).toEqual([
      expect.objectContaining({ text: 'Звонок клиенту ООО Ирис по оплате: счёт CB-8 на 7 500,00 рубля. Соединяю.' }),
    ])
    expect(callTaskOf('CB-8')).toEqual([])
    expect(await commentsOf('ООО Ирис')).toEqual([
      expect.stringContaining('Напоминание отправлено вручную 09.12.2026 (открытая линия, обратный звонок):'),
    ])
  })

  it('send now to a client without an open line and a phone: the open line fails with its reason, a call task', async () => {
    const rid = await receivableOf('Лилия Петрова')
    const r = await sendDunningNow(ports, { memberId: M, userId: manager }, rid, {
      requestId: 'req-lilia-001',
      channels: ['call', 'openline'],
    })
    expect(r).toMatchObject({ sent: ['call'], failed: { openline: { code: 'dunning.send.no-open-line' } } })
    const manual = sb.admin.tasks(pid).filter((x) => String(x.XML_ID ?? '').startsWith('dunning-manual-send:'))
    expect(manual.map((x) => x.TITLE)).toEqual(['Позвонить: Лилия Петрова — счёт CB-2 на 12 345,67 ₽'])
    expect(await commentsOf('Лилия Петрова')).toContainEqual(
      expect.stringContaining(
        'вручную 09.12.2026 (задача на звонок): Обратный звонок: не запущен — у клиента не указан телефон;',
      ),
    )
  })
})
