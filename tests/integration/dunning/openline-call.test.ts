// The open-line and call channels of a reminder step against the sandbox portal (issue 24 item 7), on a pinned
// day (Wednesday 09.12.2026, 10:30 Moscow): the client's open-line chat gets the reminder from the manager once
// although the portal's answer was lost, the manager's call task (counterparty, invoice, sum, deadline) is made
// once although its answer was lost too; a client without an open line and a portal that did not grant
// `imopenlines` skip that channel with a timeline note and a plan note, and the call still goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../sandbox/index.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'
import { defaultDunningRules, type LadderStep } from '../../../server/domain/dunning/index.ts'
import { dunningPorts, type DunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { runDunningScan, type RemindJobData } from '../../../server/use-cases/dunning/run-dunning-scan.ts'
import { sendDunningReminder } from '../../../server/use-cases/dunning/send-dunning-reminder.ts'
import { readDunningPlan } from '../../../server/use-cases/dunning/read-dunning-plan.ts'
import { saveDunningRules } from '../../../server/use-cases/dunning/dunning-settings.ts'
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
const reminders = () => jobs.filter((j) => j.name === 'dunning-remind')
const ids = { manager: 0, romashka: 0, lilia: 0, vasilek: 0, lutik: 0, chat: 0, chatVasilek: 0 }
const cps: Record<string, number> = {}
// due Wednesday 02.12.2026 + 5 working days = Wednesday 09.12.2026
const step: LadderStep = {
  id: 'call5',
  anchor: 'due',
  offset: 5,
  unit: 'working',
  dayOff: 'next',
  channels: ['openline', 'call'],
  template: 'overdue',
}
const db = () => t.ctx.database.db

async function debtor(name: string, type: 'company' | 'contact', entityId: number, invoice: string, sum: number) {
  const world = { sb, portalId: pid, memberId: M, db: db(), managerId: ids.manager }
  const d = await seedDebtor(
    { ...world, entityTypeId: state.processes.receivables!.entityTypeId },
    { name, type, entityId, invoice, sum },
  )
  cps[name] = d.counterpartyId
  return d.itemId
}
const jobOf = (name: string) => reminders().find((j) => j.data.counterpartyId === cps[name])!.data
const callTasks = () => sb.admin.tasks(pid).filter((x) => String(x.XML_ID ?? '').startsWith('dunning-send:'))
const commentsOf = async (itemId: number) =>
  (
    await sb.admin.call<{ COMMENT: string }[]>(pid, 'crm.timeline.comment.list', {
      filter: { ENTITY_TYPE: `dynamic_${state.processes.receivables!.entityTypeId}`, ENTITY_ID: itemId },
    })
  ).result.map((c) => c.COMMENT)
const items = { romashka: 0, lilia: 0, vasilek: 0, lutik: 0 }

beforeAll(async () => {
  t = await connectSandboxApp()
  await installPortal(t.ctx, t.memberId, true)
  ;({ sb, portalId: pid, memberId: M } = t)
  state = (await t.ctx.repos.installState.get(M)) as InstallState
  ids.manager = sb.admin.addUser(pid, { name: 'Ivan', lastName: 'Manager', email: 'ivan@corp.test' }).id
  ids.romashka = sb.admin.seedCompany(pid, { TITLE: 'ООО Ромашка' })
  ids.vasilek = sb.admin.seedCompany(pid, { TITLE: 'ООО Василёк' })
  ids.lutik = sb.admin.seedCompany(pid, { TITLE: 'ООО Лютик' })
  ids.lilia = sb.admin.seedContact(pid, { NAME: 'Лилия', LAST_NAME: 'Петрова' })
  ids.chat = sb.admin.connectOpenLine(pid, { entityType: 'company', entityId: ids.romashka })
  ids.chatVasilek = sb.admin.connectOpenLine(pid, { entityType: 'company', entityId: ids.vasilek })
  sb.admin.connectOpenLine(pid, { entityType: 'company', entityId: ids.lutik })
  items.romashka = await debtor('ООО Ромашка', 'company', ids.romashka, 'OL-1', 50_000_00)
  items.lilia = await debtor('Лилия Петрова', 'contact', ids.lilia, 'OL-2', 12_345_67)
  items.vasilek = await debtor('ООО Василёк', 'company', ids.vasilek, 'OL-3', 1_000_00)
  items.lutik = await debtor('ООО Лютик', 'company', ids.lutik, 'OL-4', 2_000_00)
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
  await saveDunningRules(ports, M, { ladders: rules.ladders.map((l) => ({ ...l, steps: [step], tail: null })) }, 'test')
  await runDunningScan(ports, M)
  clock.now = at('2026-12-09', 10, 30)
}, 60_000)
afterAll(async () => {
  await sb.close()
  await t.close()
}, 30_000)

describe('open-line and call reminders on the sandbox portal', () => {
  it('the scan queues one reminder per debtor for the step', () => {
    expect(reminders().map((j) => [j.data.day, j.data.entries.map((e) => e.stepKey)])).toEqual([
      ['2026-12-09', ['r.call5']],
      ['2026-12-09', ['r.call5']],
      ['2026-12-09', ['r.call5']],
      ['2026-12-09', ['r.call5']],
    ])
  })

  it("lost answers of the open-line message and of the call task: the client's chat and the manager get one", async () => {
    const job = jobOf('ООО Ромашка')
    sb.admin.failNext(pid, { count: 1, kind: 'lost', method: 'imopenlines.crm.message.add' })
    await expect(sendDunningReminder(ports, job)).rejects.toThrow()
    expect(sb.admin.openLineMessages(pid)).toHaveLength(1) // the portal posted it; the app never heard
    sb.admin.failNext(pid, { count: 1, kind: 'lost', method: 'tasks.task.add' })
    await expect(sendDunningReminder(ports, job)).rejects.toThrow()
    expect(callTasks()).toHaveLength(1)
    expect(await sendDunningReminder(ports, job)).toBe('sent')
    expect(await sendDunningReminder(ports, job)).toBe('sent') // a retried job adds nothing
    const messages = sb.admin.openLineMessages(pid)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ chatId: ids.chat, userId: ids.manager, entityType: 'company' })
    expect(String(messages[0].message)).toContain('OL-1')
    const tasks = callTasks()
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({
      TITLE: 'Позвонить: ООО Ромашка — счёт OL-1 на 50 000,00 ₽',
      RESPONSIBLE_ID: ids.manager,
    })
    expect(String(tasks[0].DESCRIPTION)).toContain('— счёт № OL-1 от 02.11.2026, срок 02.12.2026, остаток 50 000,00 ₽')
    // the end of the working day: 18:00 Moscow
    expect(new Date(Number(tasks[0].DEADLINE)).toISOString()).toBe('2026-12-09T15:00:00.000Z')
    expect(await commentsOf(items.romashka)).toEqual([
      expect.stringContaining('(r.call5) 09.12.2026: отправлено (открытая линия, задача на звонок).'),
    ])
  })

  it('a client without an open line: that channel is skipped with a note, the call task still goes', async () => {
    expect(await sendDunningReminder(ports, jobOf('Лилия Петрова'))).toBe('sent')
    expect(sb.admin.openLineMessages(pid).filter((m) => m.entityType === 'contact')).toEqual([])
    expect(callTasks().filter((x) => String(x.TITLE).includes('OL-2'))).toHaveLength(1)
    expect(await commentsOf(items.lilia)).toEqual([
      expect.stringContaining(
        'отправлено (задача на звонок). Открытая линия: пропущено — у клиента нет подключённой открытой линии.',
      ),
    ])
    const plan = await readDunningPlan(ports, M, 'contact', ids.lilia)
    const s = plan.receivables[0].steps.find((x) => x.label === 'call5')!
    expect(s.status).toBe('done')
    expect(s.detail).toMatchObject({ channels: ['call'], skipped: { openline: 'no-open-line' } })
  })

  it('a portal that did not grant imopenlines: the open line is skipped as such, nothing is posted', async () => {
    sb.admin.registerApp({ clientId: t.sbApp.clientId, scopes: t.sbApp.scopes.filter((s) => s !== 'imopenlines') })
    try {
      expect(await sendDunningReminder(ports, jobOf('ООО Василёк'))).toBe('sent')
    } finally {
      sb.admin.registerApp({ clientId: t.sbApp.clientId, scopes: t.sbApp.scopes })
    }
    expect(sb.admin.openLineMessages(pid).filter((m) => m.chatId === ids.chatVasilek)).toEqual([])
    expect(await commentsOf(items.vasilek)).toEqual([
      expect.stringContaining('Открытая линия: пропущено — у приложения нет права «Открытые линии» (imopenlines)'),
    ])
    const plan = await readDunningPlan(ports, M, 'company', ids.vasilek)
    expect(plan.receivables[0].steps.find((x) => x.label === 'call5')!.detail).toMatchObject({
      skipped: { openline: 'no-scope' },
    })
  })

  it('a portal without imopenlines and task: both channels skipped with their notes, nothing made', async () => {
    const granted = t.sbApp.scopes
    sb.admin.registerApp({
      clientId: t.sbApp.clientId,
      scopes: granted.filter((s) => !['imopenlines', 'task', 'tasks'].includes(s)),
    })
    const tasksBefore = callTasks().length
    try {
      expect(await sendDunningReminder(ports, jobOf('ООО Лютик'))).toBe('no-channel')
    } finally {
      sb.admin.registerApp({ clientId: t.sbApp.clientId, scopes: granted })
    }
    expect(callTasks()).toHaveLength(tasksBefore)
    expect(await commentsOf(items.lutik)).toEqual([
      expect.stringContaining(
        'не отправлено — нет доступного канала. Открытая линия: пропущено — у приложения нет права «Открытые линии» ' +
          '(imopenlines). Задача на звонок: пропущено — у приложения нет права «Задачи» (task).',
      ),
    ])
    const plan = await readDunningPlan(ports, M, 'company', ids.lutik)
    const s = plan.receivables[0].steps.find((x) => x.label === 'call5')!
    expect(s.status).toBe('skipped')
    expect(s.detail).toMatchObject({ channels: [], skipped: { openline: 'no-scope', call: 'no-scope' } })
  })
})
