// Ladder task steps against the sandbox portal (issue 26): the morning scan queues a task step 5
// working days before the due day, the job creates the responsible's task once (a retry adds nothing)
// with the template's ru text and a deadline at the end of a working day; a payment closes the open
// task and a pause skips (defers) it, each with one comment, also through the payment's mirror job;
// a task a person completed is left alone; settings with an offset beyond a year or a role nobody
// holds are refused and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../sandbox/index.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'
import { defaultDunningRules, type DunningRules } from '../../../server/domain/dunning/index.ts'
import { dunningPorts, type DunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { runDunningScan } from '../../../server/use-cases/dunning/run-dunning-scan.ts'
import { setStepTask, type TaskStepJobData } from '../../../server/use-cases/dunning/set-step-task.ts'
import { closeStepTasks } from '../../../server/use-cases/dunning/close-step-tasks.ts'
import { loadDunningRules, saveDunningRules } from '../../../server/use-cases/dunning/dunning-settings.ts'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import type { MirrorJobData } from '../../../server/use-cases/receivables/enqueue-mirror.ts'
import { createReceivableMirror } from '../../../server/jobs/tasks/receivable-mirror.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { at } from './simulate.ts'

let M = ''
let sb: Sandbox
let t: Awaited<ReturnType<typeof connectSandboxApp>>
let pid = 0
let state: InstallState
let ports: DunningPorts
const clock = { now: at('2025-06-06', 8) }
const jobs: { name: string; data: object }[] = []
const ids = { company: 0, manager: 0, cp: 0 }
const check = {
  id: 'check-invoice',
  offset: -5,
  assignee: 'responsible',
  template: 'task-check-invoice',
  deadlineDays: 1,
}
const withTasks = (rules: DunningRules, tasks: unknown[]) => ({
  ladders: rules.ladders.map((l) => ({ ...l, tasks })),
})
const db = () => t.ctx.database.db

async function receivable(n: string, due: string): Promise<number> {
  const item = (
    await sb.admin.call<{ item: { id: number } }>(pid, 'crm.item.add', {
      entityTypeId: state.processes.receivables!.entityTypeId,
      fields: { title: n, companyId: ids.company, assignedById: ids.manager },
    })
  ).result.item.id
  const r = await db()
    .insertInto('receivables')
    .values({
      member_id: M,
      counterparty_id: ids.cp,
      item_id: item,
      invoice_number: n,
      invoice_date: '2025-05-15',
      due_date: due,
      effective_due_date: due,
      amount: 50_000_00,
      stage: 'AWAITING',
      responsible_id: ids.manager,
      created_by: 't',
      created_source: 't',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(r.id)
}
const stepJobs = () => jobs.filter((j) => j.name === 'dunning-task-step').map((j) => j.data as TaskStepJobData)
const portalTasks = () => sb.admin.tasks(pid).filter((x) => String(x.XML_ID ?? '').startsWith('dunning-step-task:'))

beforeAll(async () => {
  t = await connectSandboxApp()
  await installPortal(t.ctx, t.memberId, true)
  ;({ sb, portalId: pid, memberId: M } = t)
  state = (await t.ctx.repos.installState.get(M)) as InstallState
  ids.manager = sb.admin.addUser(pid, { name: 'Ivan', lastName: 'Manager', email: 'ivan@corp.test' }).id
  ids.company = sb.admin.seedCompany(pid, { TITLE: 'ООО Ромашка' })
  ids.cp = Number(
    (
      await db()
        .insertInto('counterparties')
        .values({ member_id: M, entity_type: 'company', entity_id: ids.company, name: 'ООО Ромашка' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
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
  await saveDunningRules(ports, M, withTasks(defaultDunningRules(), [check]), 'test')
}, 60_000)
afterAll(async () => {
  await sb.close()
  await t.close()
}, 30_000)

describe('ladder task steps on the sandbox portal', () => {
  it('refuses an offset beyond a year and a role nobody holds, naming them, and keeps the settings', async () => {
    const before = await loadDunningRules(ports, M)
    const bad = withTasks(before, [
      { ...check, offset: 400 },
      { ...check, id: 'legal', assignee: 'lawyer' },
    ])
    await expect(saveDunningRules(ports, M, bad, 'test')).rejects.toThrow(
      /tasks\[0\]\.offset: working days from the due day, -250 to 250.*tasks\[1\]\.assignee: nobody holds the lawyer role/,
    )
    expect(await loadDunningRules(ports, M)).toEqual(before)
  })

  it('5 working days before the due day the responsible gets the task once, in Russian, with a deadline', async () => {
    const rid = await receivable('TS-1', '2025-06-16') // Monday; -5 working days = Friday 2025-06-06
    await runDunningScan(ports, M)
    expect(stepJobs()).toEqual([{ memberId: M, receivableId: rid, stepKey: 't.check-invoice', day: '2025-06-06' }])
    clock.now = at('2025-06-06', 9)
    expect(await setStepTask(ports, stepJobs()[0])).toBe('created')
    expect(await setStepTask(ports, stepJobs()[0])).toBe('created') // a retried job
    const tasks = portalTasks()
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({
      TITLE: 'Проверить, что ООО Ромашка получил счёт № TS-1',
      RESPONSIBLE_ID: ids.manager,
    })
    expect(String(tasks[0].DESCRIPTION)).toContain('16.06.2025')
    // deadline: the end of the next working day (Monday 18:00 Moscow)
    expect(new Date(Number(tasks[0].DEADLINE)).toISOString()).toBe('2025-06-09T15:00:00.000Z')
    // the next scan the same day queues it again under the same key; the job finds it done
    jobs.length = 0
    await runDunningScan(ports, M)
    expect(stepJobs()).toEqual([])
  })

  it('a payment closes the open task with one comment; a pause skips (defers) it with one comment', async () => {
    const paid = (
      await db().selectFrom('receivables').select('id').where('invoice_number', '=', 'TS-1').executeTakeFirstOrThrow()
    ).id
    const rid2 = await receivable('TS-2', '2025-06-16')
    jobs.length = 0
    await runDunningScan(ports, M)
    await setStepTask(
      ports,
      stepJobs().find((j) => j.receivableId === rid2)!,
    )
    await db().updateTable('receivables').set({ paid: 50_000_00 }).where('id', '=', Number(paid)).execute()
    const pause = { paused_until: '2025-06-20', pause_reason: 'ждём акт' }
    await db()
      .insertInto('dunning_receivables')
      .values({ member_id: M, receivable_id: rid2, ...pause })
      .onConflict((oc) => oc.columns(['member_id', 'receivable_id']).doUpdateSet(pause))
      .execute()
    for (let i = 0; i < 2; i++)
      expect(await closeStepTasks(ports, M)).toMatchObject(i ? { closed: 0, skipped: 0 } : { closed: 1, skipped: 1 })
    const [t1, t2] = portalTasks()
    expect([Number(t1.STATUS), Number(t2.STATUS)]).toEqual([5, 6])
    const comments = sb.admin.taskComments(pid)
    expect(comments.map((c) => [c.TASK_ID, c.POST_MESSAGE])).toEqual([
      [t1.id, 'Счёт № TS-1 оплачен — задача закрыта автоматически.'],
      [t2.id, 'Напоминания по счёту № TS-2 приостановлены до 20.06.2025 — задача пропущена (отложена).'],
    ])
  })

  it('a task the person already completed is only marked done, without a comment', async () => {
    const rid3 = await receivable('TS-3', '2025-06-16')
    jobs.length = 0
    await runDunningScan(ports, M)
    await setStepTask(
      ports,
      stepJobs().find((j) => j.receivableId === rid3)!,
    )
    const task = portalTasks().find((x) => String(x.TITLE).includes('TS-3'))!
    await sb.admin.call(pid, 'tasks.task.complete', { taskId: task.id })
    await db().updateTable('receivables').set({ paid: 50_000_00 }).where('id', '=', rid3).execute()
    const comments = sb.admin.taskComments(pid).length
    expect(await closeStepTasks(ports, M, { receivableId: rid3 })).toEqual({ closed: 0, skipped: 0, done: 1 })
    expect(sb.admin.taskComments(pid)).toHaveLength(comments)
  })

  it('a payment closes its task through the mirror job of the payment (the event path), once', async () => {
    const rid = await receivable('TS-4', '2025-06-16')
    jobs.length = 0
    await runDunningScan(ports, M)
    await setStepTask(
      ports,
      stepJobs().find((j) => j.receivableId === rid)!,
    )
    jobs.length = 0
    await recordPayment(
      ports,
      { memberId: M, actor: 'user:1', source: 'test' },
      {
        receivableId: rid,
        amount: 50_000_00,
        paidOn: '2025-06-06',
        source: 'manual',
        sourceRef: 'ts-4-pay',
      },
    )
    const mirror = jobs.find((j) => j.name === 'receivable-mirror')!.data as MirrorJobData
    const run = createReceivableMirror(t.ctx)
    for (let i = 0; i < 2; i++) await run({ id: `m${i}`, name: 'receivable-mirror', data: mirror, retryCount: i })
    const task = portalTasks().find((x) => String(x.TITLE).includes('TS-4'))!
    expect(Number(task.STATUS)).toBe(5)
    expect(sb.admin.taskComments(pid).filter((c) => c.TASK_ID === task.id)).toHaveLength(1)
  })
})
