// The dunning writes against the sandbox portal emulator, with the app installed by the real install
// and talking through the production portal client (the emulator's method validation checks our
// parameters): the reminder e-mail activity (sent through the outbox),
// Telegram-less channels, escalation tasks, the head-of-sales notice, the Claim Work item with its
// links and the lawyer's task, timeline comments; a repeated job adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../sandbox/index.ts'
import type { Params } from '../../../server/bitrix24/client/portal-client.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'
import { defaultDunningRules } from '../../../server/domain/dunning/index.ts'
import { dunningPorts, type DunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import {
  runDunningScan,
  type EscalateJobData,
  type RemindJobData,
} from '../../../server/use-cases/dunning/run-dunning-scan.ts'
import { sendDunningReminder } from '../../../server/use-cases/dunning/send-dunning-reminder.ts'
import { escalateDunning } from '../../../server/use-cases/dunning/escalate-dunning.ts'
import { readDunningPlan } from '../../../server/use-cases/dunning/read-dunning-plan.ts'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { at } from './simulate.ts'

let M = ''
let sb: Sandbox
let t: Awaited<ReturnType<typeof connectSandboxApp>>
let pid = 0
let state: InstallState
let ports: DunningPorts
const clock = { now: at('2025-06-05', 8) }
const jobs: { name: string; data: object }[] = []
const ids = { item: 0, company: 0, manager: 0, head: 0, lawyer: 0, rid: 0 }

const call = async <T>(method: string, params: Params = {}) => (await sb.admin.call<T>(pid, method, params)).result

beforeAll(async () => {
  t = await connectSandboxApp()
  await installPortal(t.ctx, t.memberId, true)
  ;({ sb, portalId: pid, memberId: M } = t)
  state = (await t.ctx.repos.installState.get(M)) as InstallState
  ids.manager = sb.admin.addUser(pid, { name: 'Ivan', lastName: 'Manager', email: 'ivan@corp.test' }).id
  ids.head = sb.admin.addUser(pid, { name: 'Olga', lastName: 'Head', email: 'olga@corp.test' }).id
  ids.lawyer = sb.admin.addUser(pid, { name: 'Petr', lastName: 'Lawyer', email: 'petr@corp.test' }).id
  ids.company = sb.admin.seedCompany(pid, {
    TITLE: 'ООО Ромашка',
    EMAIL: [{ VALUE: 'buh@romashka.test', VALUE_TYPE: 'WORK' }],
  })
  ids.item = (
    await call<{ item: { id: number } }>('crm.item.add', {
      entityTypeId: state.processes.receivables!.entityTypeId,
      fields: { title: 'INV-1', companyId: ids.company, assignedById: ids.manager },
    })
  ).item.id
  const db = t.ctx.database.db
  const cp = await db
    .insertInto('counterparties')
    .values({
      member_id: M,
      entity_type: 'company',
      entity_id: ids.company,
      name: 'ООО Ромашка',
      inn: null,
      kpp: null,
      email: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('dunning_counterparties')
    .values({ member_id: M, counterparty_id: Number(cp.id), risk_segment: 'high', updated_at: new Date() })
    .execute()
  ids.rid = Number(
    (
      await db
        .insertInto('receivables')
        .values({
          member_id: M,
          counterparty_id: Number(cp.id),
          item_id: ids.item,
          invoice_number: 'INV-1',
          invoice_date: '2025-05-15',
          due_date: '2025-06-16',
          effective_due_date: '2025-06-16',
          amount: 75_000_00,
          stage: 'AWAITING',
          responsible_id: ids.manager,
          created_by: 't',
          created_source: 't',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  )
  await t.ctx.repos.settings.set(
    M,
    'dunning',
    {
      ...defaultDunningRules(),
      headOfSalesId: ids.head,
      lawyerId: ids.lawyer,
      paymentDetails: 'р/с 40702810000000000001',
    },
    'test',
  )
  ports = dunningPorts(t.ctx, {
    clients: t.ctx.b24!,
    installState: async () => state,
    now: () => clock.now,
    send: async (name, data) => {
      jobs.push({ name, data })
      return null
    },
  })
}, 60_000)
// the sandbox first: its event deliveries in flight would hold the app's close
afterAll(async () => {
  await sb.close()
  await t.close()
}, 30_000)

describe('dunning against the sandbox portal', () => {
  it('sends the reminder as a CRM e-mail through the portal outbox, once, and comments the timeline', async () => {
    await runDunningScan(ports, M)
    expect(jobs.map((j) => j.name)).toEqual(['dunning-remind'])
    clock.now = at('2025-06-05', 10, 30)
    expect(await sendDunningReminder(ports, jobs[0].data as RemindJobData)).toBe('sent')
    await sendDunningReminder(ports, jobs[0].data as RemindJobData) // a retried job completes nothing new
    const outbox = sb.admin.outbox(pid)
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({
      to: 'buh@romashka.test',
      subject: 'Напоминание: счёт № INV-1 к оплате 16.06.2025',
    })
    expect(String(outbox[0].body)).toContain('Ivan Manager')
    const comments = await call<{ COMMENT: string }[]>('crm.timeline.comment.list', {
      filter: { ENTITY_TYPE: `dynamic_${state.processes.receivables!.entityTypeId}`, ENTITY_ID: ids.item },
    })
    expect(comments.map((c) => c.COMMENT)).toEqual([
      expect.stringContaining('(r.before-5) 05.06.2025: отправлено (эл. почта)'),
    ])
  })

  it('escalation: tasks for the manager, the head notified, the claim opened with the lawyer task; once', async () => {
    const day = '2025-07-01' // high risk: 1, 5, 15 days overdue
    clock.now = at(day, 10, 30)
    for (const stepKey of ['e.esc-1', 'e.esc-3', 'e.esc-3'])
      await escalateDunning(ports, { memberId: M, receivableId: ids.rid, stepKey, day } satisfies EscalateJobData)
    const tasks = (
      await call<{ tasks: { title: string; responsibleId: string }[] }>('tasks.task.list', {
        filter: {},
        select: ['ID', 'TITLE', 'RESPONSIBLE_ID'],
      })
    ).tasks
    expect(tasks.map((x) => x.title).sort()).toEqual([
      'Выяснить причину просрочки: ООО Ромашка',
      'Подготовить претензию: ООО Ромашка',
      'Позвонить клиенту: ООО Ромашка',
    ])
    expect(tasks.find((x) => x.title.startsWith('Подготовить'))!.responsibleId).toBe(String(ids.lawyer))
    const claims = (
      await call<{ items: Record<string, unknown>[] }>('crm.item.list', {
        entityTypeId: state.processes.claims!.entityTypeId,
        select: ['*'],
      })
    ).items
    expect(claims).toHaveLength(1)
    expect(claims[0]).toMatchObject({ companyId: ids.company, assignedById: ids.lawyer })
    // the amount is in our money field and the receivable in our crm link field (no opportunity, no
    // parentId: the types have neither the sum switched on nor a relation)
    const claimFields = state.processes.claims!.fields
    expect(claims[0][claimFields.debtPrincipal.restName]).toMatch(/^\d+\.\d{2}\|RUB$/)
    expect(claims[0][claimFields.receivables.restName]).toEqual([
      `T${state.processes.receivables!.entityTypeId.toString(16)}_${ids.item}`,
    ])
    expect(claims[0].opportunity).toBeNull()
    expect(String(claims[0].title)).toBe('Претензия: ООО Ромашка, счёт № INV-1')
    const notified = sb.admin.notifications(pid).map((n) => Number(n.userId ?? n.USER_ID ?? n.toUserId))
    expect(notified).toEqual(expect.arrayContaining([ids.head, ids.lawyer, ids.manager]))
    const row = await t.ctx.database.db
      .selectFrom('dunning_receivables')
      .select('claim_item_id')
      .where('receivable_id', '=', ids.rid)
      .executeTakeFirstOrThrow()
    expect(row.claim_item_id).toBe(Number(claims[0].id))
  })

  it('the collection plan shows the escalation tasks and which of them are done, and the claim', async () => {
    const all = (
      await call<{ tasks: { id: string; title: string }[] }>('tasks.task.list', { filter: {}, select: ['ID', 'TITLE'] })
    ).tasks
    const call1 = all.find((x) => x.title.startsWith('Позвонить клиенту'))!
    await call('tasks.task.complete', { taskId: Number(call1.id) })
    const plan = await readDunningPlan(ports, M, 'company', ids.company)
    const r = plan.receivables[0]
    const esc1 = r.steps.find((x) => x.key === 'e.esc-1')!
    expect(esc1.status).toBe('done')
    expect(esc1.detail!.tasks!.map((x) => [x.id, x.done])).toEqual(expect.arrayContaining([[Number(call1.id), true]]))
    expect(esc1.detail!.tasks!.filter((x) => x.done === false)).toHaveLength(1)
    expect(r.claim).not.toBeNull()
    expect(plan.counterparty!.status).toBe('claim')
  })
})
