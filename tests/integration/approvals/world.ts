// The approvals world: the app installed into a sandbox portal with its workers running (portal
// events, apply jobs and Telegram updates flow for real through the SDK), the org chart the route
// needs (the initiator's department has no head, its parent does) and the approval roles.
// The test is the SLA clock: the approval-sla and approval-recover workers are stopped, and
// `advanceTo` fires the queued timers in order through the tick use-case at each timer's moment.
// A save whose moment matters (`saveAt`) is made with the portal's event held back and handled by
// the same handler with the clock set to that moment.
import { sql } from 'kysely'
import { startRobotWorld } from '../../helpers/installed-app.ts'
import { approvalPorts } from '../../../server/use-cases/approvals/approval-ports.ts'
import { APPROVAL_SLA_JOB, type ApprovalSlaJob } from '../../../server/use-cases/approvals/apply-approval-events.ts'
import { handleApprovalItemEvent } from '../../../server/use-cases/approvals/handle-approval-item-event.ts'
import { tickApprovalSla } from '../../../server/use-cases/approvals/tick-approval-sla.ts'
import { approvalView } from '../../../server/use-cases/approvals/read-approval.ts'

export type ApprovalWorld = Awaited<ReturnType<typeof approvalWorld>>
type Fields = Record<string, unknown>
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function waitFor<T>(
  what: string,
  read: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 15_000,
): Promise<T> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(50)) {
    const v = await read()
    if (v) return v
  }
  throw new Error(`timed out waiting for ${what}`)
}

export async function approvalWorld(opts: { env?: Record<string, string> } = {}) {
  const w = await startRobotWorld(opts)
  for (const job of [APPROVAL_SLA_JOB, 'approval-recover']) await w.ctx.queue.boss.offWork(job, { wait: true })
  const { sb, portalId, memberId: M } = w
  const ap = w.state.processes.approvals!
  const ETID = ap.entityTypeId
  const user = (name: string) => sb.admin.addUser(portalId, { name, lastName: 'Тестов' }).id
  const U = {
    ceo: user('Генеральный'),
    head: user('Глава'),
    initiator: user('Инициатор'),
    finance: user('Финансист'),
    ops: user('Операционный'),
    chief: user('Главбух'),
    junior: user('Бухгалтер'),
    cfo: user('Финдиректор'),
    stranger: user('Посторонний'),
    lawyer: user('Юрист'),
    admin: 1,
  }
  const root = sb.admin
    .ps(portalId)
    .departments.values()
    .find((d) => d.parent === null)!
  sb.admin.updateDepartment(portalId, root.id, { head: U.ceo })
  const dept = sb.admin.addDepartment(portalId, { name: 'Коммерция', parent: root.id, head: U.head })
  const team = sb.admin.addDepartment(portalId, { name: 'Закупки', parent: dept.id, head: null })
  sb.admin.updateUser(portalId, U.head, { departments: [dept.id] })
  sb.admin.updateUser(portalId, U.initiator, { departments: [team.id] })
  await w.ctx.repos.settings.set(
    M,
    'approvals.roles',
    {
      financeManager: U.finance,
      operationsManager: U.ops,
      chiefAccountant: U.chief,
      juniorAccountant: U.junior,
      cfo: U.cfo,
    },
    'test',
  )
  const db = w.ctx.database.db
  const ports = (now?: Date) => approvalPorts(w.ctx, now ? { now: () => now } : {})
  let seq = 0

  /** The REST fields of a request from its keys (cost items by their code, stage by its code). */
  function restFields(f: Fields, pipeline: 'payments' | 'contracts'): Fields {
    const out: Fields = {}
    for (const [k, v] of Object.entries(f)) {
      if (k === 'stage') out.stageId = ap.pipelines[pipeline]!.stages[String(v)]
      else if (k === 'title') out.title = v
      else if (k === 'costItem') out[ap.fields.costItem.restName] = ap.fields.costItem.options![String(v)]
      else out[ap.fields[k].restName] = v
    }
    return out
  }
  async function write(
    userId: number,
    itemId: number | null,
    f: Fields,
    pipeline: 'payments' | 'contracts',
    events: boolean,
  ): Promise<number> {
    const fields = restFields(f, pipeline)
    if (itemId !== null) {
      await sb.admin.call(portalId, 'crm.item.update', { entityTypeId: ETID, id: itemId, fields }, { userId, events })
      return itemId
    }
    const { result } = await sb.admin.call<{ item: { id: number } }>(
      portalId,
      'crm.item.add',
      {
        entityTypeId: ETID,
        fields: { title: `Request ${++seq}`, categoryId: ap.pipelines[pipeline]!.categoryId, ...fields },
      },
      { userId, events },
    )
    return Number(result.item.id)
  }

  /** Nothing in flight: the portal's deliveries are done and no job that reacts to them is waiting. */
  async function settle(ms = 20_000): Promise<void> {
    let idle = 0
    for (const until = Date.now() + ms; Date.now() < until; await sleep(30)) {
      await sb.admin.flush()
      const { rows } = await sql<{
        n: number
      }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('event-handle', 'approval-apply', 'telegram-update', 'robot-run')
        AND state IN ('created', 'retry', 'active') AND start_after <= now()`.execute(db)
      idle = rows[0].n === 0 ? idle + 1 : 0
      if (idle >= 2) return
    }
    throw new Error('the world did not settle')
  }

  const slaTimers = async () =>
    (
      await sql<{ id: string; data: ApprovalSlaJob; at: Date }>`SELECT id, data, start_after AS at FROM pgboss.job
    WHERE name = ${APPROVAL_SLA_JOB} AND state IN ('created', 'retry') ORDER BY start_after, created_on`.execute(db)
    ).rows

  const world = {
    ...w,
    M,
    ETID,
    ap,
    U,
    ports,
    settle,
    slaTimers,
    F: (key: string) => ap.fields[key].upperName,
    /** A person saves the card in the portal (creates it when itemId is null); the event flows to the app. */
    save: (userId: number, itemId: number | null, f: Fields, pipeline: 'payments' | 'contracts' = 'payments') =>
      write(userId, itemId, f, pipeline, true),
    /** The same save handled at a chosen moment: the portal's event held back, the handler run with the clock at `at`. */
    async saveAt(
      at: string,
      userId: number,
      itemId: number | null,
      f: Fields,
      pipeline: 'payments' | 'contracts' = 'payments',
    ) {
      await settle()
      const id = await write(userId, itemId, f, pipeline, false)
      const outcome = await handleApprovalItemEvent(ports(new Date(at)), M, ETID, id)
      await settle()
      return { itemId: id, outcome }
    },
    item: (itemId: number) => sb.admin.items(portalId, ETID).find((i) => Number(i.id) === itemId)!,
    stageOf(itemId: number): string {
      const stageId = String(world.item(itemId).stageId)
      for (const pl of Object.values(ap.pipelines))
        for (const [code, id] of Object.entries(pl!.stages)) if (id === stageId) return code
      return stageId
    },
    notificationsTo: (userId: number, about?: string) =>
      sb.admin
        .notifications(portalId)
        .filter((n) => Number(n.userId) === userId && (!about || String(n.message).includes(`«${about}»`)))
        .map((n) => String(n.message)),
    tasksOf: (itemId: number) =>
      sb.admin
        .tasks(portalId)
        .filter((t) => (t.UF_CRM_TASK as string[] | undefined)?.includes(`T${ETID.toString(16)}_${itemId}`)),
    record: async (itemId: number) => (await ports().approvals.getByItem(M, ETID, itemId))!,
    /** The tab's JSON API as a portal user (a real token of that user, checked against the portal). */
    api(method: 'GET' | 'POST' | 'PUT', url: string, userId: number, payload?: object) {
      const { access_token } = sb.admin.issueTokens(portalId, w.sbApp.id, userId) as { access_token: string }
      return w.app.inject({
        method,
        url: `/api${url}`,
        headers: { authorization: `Bearer ${access_token}`, 'x-b24-member-id': M },
        ...(payload ? { payload } : {}),
      })
    },
    view: async (itemId: number, userId: number) =>
      (await world.api('GET', `/approvals/item/${ETID}/${itemId}`, userId)).json(),
    /** The tab's view at a chosen moment (the HTTP API reads the real clock). */
    viewAt: async (at: string, itemId: number, userId: number) =>
      approvalView(ports(new Date(at)), await world.record(itemId), userId),
    /** Moves the clock to `iso`: each queued SLA timer due by then (of one approval, when given) fires in order at its moment (a fire may queue the next). */
    async advanceTo(iso: string, approvalId?: number): Promise<string[]> {
      const fired: string[] = []
      for (let guard = 0; guard < 100; guard++) {
        await settle()
        const next = (await slaTimers()).find((t) => approvalId === undefined || t.data.approvalId === approvalId)
        if (!next || next.at.getTime() > Date.parse(iso)) break
        await w.ctx.queue.boss.cancel(APPROVAL_SLA_JOB, next.id)
        fired.push(`${next.at.toISOString()} ${await tickApprovalSla(ports(next.at), next.data)}`)
      }
      await settle()
      return fired
    },
  }
  return world
}
