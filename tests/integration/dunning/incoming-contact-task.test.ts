// A debtor wrote: an incoming e-mail or an open-line message on a company with open receivables gives
// its manager one task a day naming the invoices (ru text: dd.mm.yyyy, "12 500,00 ₽"); later messages of
// the day are comments on it; the next day opens a new task. Outgoing mail, a company that owes nothing
// and the setting switched off give nothing; the same event twice or a retried job still give one task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { startSandbox, type SandboxClock } from '../../../sandbox/index.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { incomingContactTask } from '../../../server/use-cases/dunning/incoming-contact-task.ts'

// a Wednesday, 10:00 in Moscow
const TODAY = '2026-12-09T10:00:00+03:00'
let w: RobotWorld
let clock: SandboxClock
let clean: number
let numbers: string[]

const waitFor = async <T>(
  what: string,
  read: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 15_000,
): Promise<T> => {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const v = await read()
    if (v) return v
  }
  throw new Error(`timed out waiting for ${what}`)
}
/** The admin page's dunning settings, as the portal's admin. */
const api = async (method: 'GET' | 'PUT', payload?: object) => {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: '/api/dunning/settings',
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() as unknown }
}
const settle = () => new Promise((r) => setTimeout(r, 1_000))
/** An e-mail recorded by the portal's mail module on a company. */
const mail = async (companyId: number, subject: string, direction = 1, ownerTypeId = 4) =>
  Number(
    (
      await w.sb.admin.call<number>(w.portalId, 'crm.activity.add', {
        fields: {
          OWNER_TYPE_ID: ownerTypeId,
          OWNER_ID: companyId,
          TYPE_ID: 4,
          DIRECTION: direction,
          COMPLETED: 'N',
          SUBJECT: subject,
          DESCRIPTION: 'текст письма',
          RESPONSIBLE_ID: 1,
          COMMUNICATIONS: [{ VALUE: 'buh@romashka.test', ENTITY_TYPE_ID: ownerTypeId, ENTITY_ID: companyId }],
        },
      })
    ).result,
  )
const ourTasks = () => w.sb.admin.tasks(w.portalId).filter((t) => String(t.XML_ID ?? '').startsWith('incoming-task:'))
const commentsOn = (taskId: number) => w.sb.admin.taskComments(w.portalId).filter((c) => Number(c.TASK_ID) === taskId)
const allComments = () =>
  w.sb.admin.taskComments(w.portalId).filter((c) => ourTasks().some((t) => Number(t.id) === Number(c.TASK_ID)))

beforeAll(async () => {
  w = await startRobotWorld({
    now: TODAY,
    start: (o) => {
      clock = o.clock as SandboxClock
      return startSandbox(o)
    },
  })
  await w.newReceivable({ amount: 1_250_000, invoiceDate: '2026-10-09', dueDate: '2026-11-09' })
  await w.newReceivable({ amount: 50_000_000, invoiceDate: '2026-11-20', dueDate: '2026-12-21' })
  numbers = (
    await w.ctx.database.db
      .selectFrom('receivables')
      .select('invoice_number')
      .where('member_id', '=', w.memberId)
      .orderBy('id')
      .execute()
  ).map((r) => r.invoice_number)
  clean = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Чистый пруд' })
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe('a debtor writes', () => {
  let first: number
  let taskId: number
  it('an incoming e-mail gives the manager one task naming the open invoices', async () => {
    first = await mail(w.companyId, 'Вопрос по оплате')
    const [task] = await waitFor('the task', () => (ourTasks().length ? ourTasks() : null))
    taskId = Number(task.id)
    expect(String(task.TITLE)).toBe('Ответить должнику: ООО Ромашка (09.12.2026)')
    expect(Number(task.RESPONSIBLE_ID)).toBe(1)
    expect(task.UF_CRM_TASK).toEqual([`CO_${w.companyId}`])
    const text = String(task.DESCRIPTION).replace(/\u00a0/g, ' ')
    expect(text).toContain('ООО Ромашка прислал(а) письмо 09.12.2026: «Вопрос по оплате».')
    expect(text).toContain(`— счёт № ${numbers[0]}: остаток 12 500,00 ₽, просрочка 30 дн. (срок 09.11.2026)`)
    expect(text).toContain(`— счёт № ${numbers[1]}: остаток 500 000,00 ₽, срок 21.12.2026, не просрочен`)
    expect(text).toContain('Итого долг: 512 500,00 ₽.')
    await settle()
    expect(ourTasks()).toHaveLength(1)
    expect(commentsOn(taskId)).toHaveLength(0)
  })

  it('an open-line message the same day joins the task as a comment', async () => {
    const chat = w.sb.admin.connectOpenLine(w.portalId, { entityType: 'company', entityId: w.companyId, users: [1] })
    w.sb.admin.openLineSession(w.portalId, chat, { text: 'Когда закроете счёт?' })
    const [c] = await waitFor('the comment', () => (commentsOn(taskId).length ? commentsOn(taskId) : null))
    expect(String(c.POST_MESSAGE).replace(/\u00a0/g, ' ')).toContain(
      `Ещё одно обращение: сообщение в открытую линию 09.12.2026`,
    )
    expect(String(c.POST_MESSAGE)).toContain(`№ ${numbers[0]}`)
    await settle()
    expect(ourTasks()).toHaveLength(1)
    expect(commentsOn(taskId)).toHaveLength(1)
  })

  it('outgoing mail and a company without open receivables give nothing', async () => {
    await mail(w.companyId, 'Напоминание об оплате', 2)
    await mail(clean, 'Добрый день')
    await settle()
    expect(ourTasks()).toHaveLength(1)
    expect(allComments()).toHaveLength(1)
  })

  it('the same event twice and a retried job still give one task and no comment of their own', async () => {
    const ports = dunningPorts(w.ctx)
    expect(await incomingContactTask(ports, w.memberId, first)).toBe('task')
    // a job that crashed after tasks.task.add: its key is left pending, the retry finds the task by its XML_ID
    await w.ctx.database.db
      .updateTable('effects')
      .set({ status: 'pending', result: null, created_at: new Date(Date.now() - 3_600_000) })
      .where('key', 'like', 'incoming-task:%')
      .execute()
    expect(await incomingContactTask(ports, w.memberId, first)).toBe('task')
    expect(ourTasks()).toHaveLength(1)
    expect(allComments()).toHaveLength(1)
  })

  it('switched off on the admin page (dunning settings, on by default): nothing', async () => {
    expect(((await api('GET')).body as { incomingTask: boolean }).incomingTask).toBe(true)
    const off = await api('PUT', { incomingTask: false })
    expect(off.status, JSON.stringify(off.body)).toBe(200)
    await mail(w.companyId, 'Ещё вопрос')
    await settle()
    expect(ourTasks()).toHaveLength(1)
    expect(allComments()).toHaveLength(1)
    expect((await api('PUT', { incomingTask: true })).status).toBe(200)
  })

  it('the next day a message opens a new task', async () => {
    clock.advance(24 * 3600_000)
    await mail(w.companyId, 'Оплатим завтра')
    const tasks = await waitFor('the second task', () => (ourTasks().length === 2 ? ourTasks() : null))
    expect(String(tasks[1].TITLE)).toBe('Ответить должнику: ООО Ромашка (10.12.2026)')
    expect(String(tasks[1].DESCRIPTION).replace(/\u00a0/g, ' ')).toContain('просрочка 31 дн.')
    await settle()
    expect(ourTasks()).toHaveLength(2)
    expect(allComments()).toHaveLength(1)
  })
  it("a contact of the debtor's company writes: a comment on that day's task", async () => {
    const contact = w.sb.admin.seedContact(w.portalId, {
      NAME: 'Иван',
      LAST_NAME: 'Бухгалтеров',
      COMPANY_ID: w.companyId,
    })
    await mail(contact, 'Акт сверки', 1, 3)
    const second = Number(ourTasks()[1].id)
    const [c] = await waitFor('the comment', () => (commentsOn(second).length ? commentsOn(second) : null))
    expect(String(c.POST_MESSAGE)).toContain('Ещё одно обращение: письмо 10.12.2026 «Акт сверки»')
    expect(ourTasks()).toHaveLength(2)
  })
})
