// Payment requests through the day. Each complete request walks its route the way people see it:
// the head moves the card in the portal once it waits for them, finance approves in our tab once the
// tab shows their step, the chief accountant and the junior complete their tasks, the junior
// attaches the payment order; the app must bring every request to Paid. Each person acts once, on
// what is visible; the events lost on the way are healed by the approval-recover job.
import { pendingJobs } from './queue-state.ts'
import type { Cluster } from './world.ts'
import type { DayDriver } from './day.ts'
import { sleep } from './wait.ts'

type Rec = Record<string, unknown>
interface Request {
  itemId: number
  title: string
  did: Set<'head' | 'finance' | 'main' | 'sub' | 'order'>
  log: string[]
}

export function approvalsDay(c: Cluster, d: DayDriver) {
  const a = c.sb.admin
  const ap = c.state.processes.approvals!
  const pipeline = ap.pipelines.payments!
  const f = (k: string) => ap.fields[k].restName
  const person = (name: string) => a.addUser(c.portalId, { name, lastName: 'Согласующий' }).id
  const U = {
    head: person('Глава'),
    initiator: person('Инициатор'),
    finance: person('Финансист'),
    ops: person('Операционный'),
    chief: person('Главбух'),
    junior: person('Бухгалтер'),
    cfo: person('Финдиректор'),
  }
  const root = [...a.ps(c.portalId).departments.values()].find((x) => x.parent === null)!
  const dept = a.addDepartment(c.portalId, { name: 'Закупки', parent: root.id, head: U.head })
  a.updateUser(c.portalId, U.head, { departments: [dept.id] })
  a.updateUser(c.portalId, U.initiator, { departments: [dept.id] })
  const requests: Request[] = []
  const binding = (itemId: number) => `T${ap.entityTypeId.toString(16)}_${itemId}`
  const codeOf = (stageId: unknown) =>
    Object.entries(pipeline.stages).find(([, id]) => id === stageId)?.[0] ?? String(stageId)
  const item = (itemId: number) => a.items(c.portalId, ap.entityTypeId).find((i) => Number(i.id) === itemId) as Rec
  const tasksOf = (itemId: number) =>
    a.tasks(c.portalId).filter((t) => (t.UF_CRM_TASK as string[] | undefined)?.includes(binding(itemId)))
  const update = (userId: number, itemId: number, fields: Rec) =>
    a.call(c.portalId, 'crm.item.update', { entityTypeId: ap.entityTypeId, id: itemId, fields }, { userId })

  /** The approval roles, saved by the admin before anyone files a request. */
  async function setRoles(): Promise<void> {
    const r = await d.api('PUT', '/api/approvals/settings/roles', {
      financeManager: U.finance,
      operationsManager: U.ops,
      chiefAccountant: U.chief,
      juniorAccountant: U.junior,
      cfo: U.cfo,
    })
    if (r.status !== 200) throw new Error(`the admin could not save the approval roles: ${r.status} ${r.body}`)
  }

  /** The initiator files a complete request (the save starts the route). */
  async function file(n: number): Promise<void> {
    const title = `Оплата поставщику ${n}`
    const { result } = await a.call<{ item: { id: number } }>(
      c.portalId,
      'crm.item.add',
      {
        entityTypeId: ap.entityTypeId,
        fields: {
          title,
          categoryId: pipeline.categoryId,
          [f('counterparty')]: `CO_${d.companies[n % d.companies.length]}`,
          [f('amount')]: `${100_000 + n}.00|RUB`,
          [f('costItem')]: ap.fields.costItem.options!.goods,
          [f('initiator')]: U.initiator,
          [f('invoiceFile')]: { id: 500 + n, url: `/f/${500 + n}` },
        },
      },
      { userId: U.initiator },
    )
    requests.push({ itemId: Number(result.item.id), title, did: new Set(), log: [] })
  }

  /** Everyone looks at their work once and does the next thing that waits for them. */
  async function look(): Promise<void> {
    for (const r of requests) {
      const stage = codeOf(item(r.itemId).stageId)
      const act = (what: Request['did'] extends Set<infer T> ? T : never) => {
        r.did.add(what)
        r.log.push(`${what} at ${stage}`)
      }
      if (stage === 'HEAD_APPROVAL' && !r.did.has('head')) {
        act('head')
        await update(U.head, r.itemId, { stageId: pipeline.stages.FINANCE_REVIEW })
      } else if (stage === 'FINANCE_REVIEW' && !r.did.has('finance')) {
        const view = await d.api('GET', `/api/approvals/item/${ap.entityTypeId}/${r.itemId}`, undefined, U.finance)
        if (view.status !== 200) continue
        const v = JSON.parse(view.body) as {
          id: number
          round: number
          currentStep: number
          viewer: { canDecide: boolean }
        }
        if (v.currentStep !== 1 || !v.viewer.canDecide) continue // the tab does not show their step yet
        act('finance')
        const answer = await d.api(
          'POST',
          `/api/approvals/${v.id}/decision`,
          { round: v.round, stepIndex: 1, decision: 'approve' },
          U.finance,
        )
        r.log.push(`finance decision ${answer.status} ${answer.body.slice(0, 120)}`)
      } else if (stage === 'ACCOUNTING') {
        for (const t of tasksOf(r.itemId)) {
          const who = t.PARENT_ID ? 'sub' : 'main'
          if (r.did.has(who) || Number(t.STATUS) === 5) continue
          act(who)
          await a.call(c.portalId, 'tasks.task.complete', { taskId: t.id }, { userId: Number(t.RESPONSIBLE_ID) })
        }
        if (r.did.has('sub') && !r.did.has('order')) {
          act('order')
          await update(U.junior, r.itemId, {
            [f('paymentOrderFile')]: { id: 900 + r.itemId, url: `/f/${900 + r.itemId}` },
          })
        }
      }
    }
  }

  const open = async () => {
    const rows = await c.db.query<{ item_id: number; status: string }>(
      "SELECT item_id, state->>'status' AS status FROM approvals WHERE member_id = $1",
      [c.memberId],
    )
    const done = new Set(rows.filter((x) => x.status === 'done').map((x) => x.item_id))
    return requests.filter((r) => codeOf(item(r.itemId).stageId) !== 'SUCCESS' || !done.has(r.itemId))
  }

  /** After the faults: people keep doing their part; the schedule's approval-recover runs every few seconds instead of every 15 minutes. */
  async function finish(timeoutMs: number, recover: (slot: string) => Promise<void>): Promise<void> {
    let lastRecover = 0
    for (const until = Date.now() + timeoutMs; ;) {
      await look()
      if ((await open()).length === 0) return
      if (Date.now() > until) break
      if (Date.now() - lastRecover > 8_000) {
        lastRecover = Date.now()
        await recover(`approvals-${lastRecover}`)
      }
      await sleep(500)
    }
    const left = await open()
    // what the app thinks of them and what is still queued: the difference between slow and stuck
    const states = await c.db.query<{ item_id: number; state: unknown }>(
      'SELECT item_id, state FROM approvals WHERE member_id = $1 AND item_id = ANY($2)',
      [c.memberId, left.map((r) => r.itemId)],
    )
    throw new Error(
      `payment requests not Paid: ${JSON.stringify(left.map((r) => ({ itemId: r.itemId, stage: codeOf(item(r.itemId).stageId), did: [...r.did], log: r.log })))}; ` +
        `their approvals: ${JSON.stringify(states)}; queued: ${JSON.stringify(await pendingJobs(c.db))}`,
    )
  }

  /** What must hold for every request: Paid here and there, two accounting tasks, each person told once. */
  async function verdict() {
    const note = (userId: number, r: Request, text: string) =>
      a.notifications(c.portalId).filter(
        (x) =>
          !x.removed && // what the person sees: a resend with the same TAG replaces the earlier notice
          Number(x.userId) === userId &&
          String(x.message).includes(`«${r.title}»`) &&
          String(x.message).includes(text),
      ).length
    const refused = await c.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE member_id = $1 AND action = 'approval.move-refused'",
      [c.memberId],
    )
    return {
      requests: requests.length,
      notPaid: (await open()).map((r) => r.itemId),
      tasks: requests
        .filter((r) => tasksOf(r.itemId).length !== 2)
        .map((r) => ({ itemId: r.itemId, tasks: tasksOf(r.itemId).length })),
      toldOnce: requests
        .filter(
          (r) =>
            note(U.head, r, 'Нужно ваше согласование') !== 1 ||
            note(U.finance, r, 'Нужно ваше согласование') !== 1 ||
            note(U.initiator, r, 'Счёт оплачен') !== 1,
        )
        .map((r) => ({
          itemId: r.itemId,
          head: note(U.head, r, 'Нужно ваше согласование'),
          finance: note(U.finance, r, 'Нужно ваше согласование'),
          paid: note(U.initiator, r, 'Счёт оплачен'),
        })),
      movesRefused: refused[0].n,
    }
  }

  return { U, setRoles, file, look, finish, verdict, requests }
}
