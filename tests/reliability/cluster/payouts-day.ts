// Compensations paid out in tranches through the day. In the morning the claim specialist opens the
// cases in the portal and plans three tranches each in our tab (1,000 / 1,000 / 1,500); all day the
// accountant completes the tranche tasks in the portal, and once reopens a task by mistake and
// completes it again later. The app must mark every tranche paid, keep ONE totals comment per case
// (updated in place), and set the "complete the work" task once per case. Lost task events are
// healed by the claim-tranche-scan job.
import type { Cluster } from './world.ts'
import type { DayDriver } from './day.ts'
import { renderClaimTotalsComment } from '../../../server/domain/claims/claim-totals-comment.ts'
import { claimTotalsTitles } from '../../../server/domain/claims/claim-totals-comment.ts'
import { sleep } from './wait.ts'

type Rec = Record<string, unknown>
interface PayoutCase {
  itemId: number
  caseId: number
  taskIds: number[]
}
const TRANCHES = [100_000, 100_000, 150_000]
const TASK_DONE = 5

export function payoutsDay(c: Cluster, d: DayDriver, accountantId: number) {
  const a = c.sb.admin
  const cl = c.state.processes.claims!
  const specialist = a.addUser(c.portalId, { name: 'Пётр', lastName: 'Претензионный' }).id
  const cases: PayoutCase[] = []
  const reopened = new Set<number>()
  const task = (id: number) => a.tasks(c.portalId).find((t) => Number(t.id) === id) as Rec | undefined
  const completionTasks = (x: PayoutCase) =>
    a
      .tasks(c.portalId)
      .filter(
        (t) =>
          String(t.TITLE).startsWith('Завершить работу по претензии') &&
          (t.UF_CRM_TASK as string[] | undefined)?.includes(`T${cl.entityTypeId.toString(16)}_${x.itemId}`),
      )
  const totalsComments = (x: PayoutCase) =>
    a
      .comments(c.portalId)
      .filter((m) => Number(m.ENTITY_ID) === x.itemId && claimTotalsTitles().includes(String(m.COMMENT).split('\n')[0]))

  /** The specialist opens a compensation case in the portal and plans its tranches in our tab (no faults yet). */
  async function open(n: number): Promise<void> {
    const { result } = await a.call<{ item: { id: number } }>(
      c.portalId,
      'crm.item.add',
      {
        entityTypeId: cl.entityTypeId,
        fields: {
          title: `Компенсация ${n}`,
          categoryId: cl.pipelines.compensation!.categoryId,
          assignedById: specialist,
          companyId: d.companies[n % d.companies.length],
          [cl.fields.compensationAmount.restName]: '3500|RUB',
        },
      },
      { userId: specialist },
    )
    const itemId = Number(result.item.id)
    const view = await d.api('GET', `/api/claims/item/${itemId}`, undefined, specialist)
    if (view.status !== 200) throw new Error(`the claim tab did not open: ${view.status} ${view.body}`)
    const caseId = (JSON.parse(view.body) as { id: number }).id
    let last: { tranches: { taskId: number | null }[] } = { tranches: [] }
    for (const [i, amount] of TRANCHES.entries()) {
      const r = await d.api(
        'POST',
        `/api/claims/${caseId}/tranches`,
        { deadline: d.dayOffset(i + 1), amount },
        specialist,
      )
      if (r.status !== 200) throw new Error(`a tranche was refused: ${r.status} ${r.body}`)
      last = JSON.parse(r.body) as typeof last
    }
    const taskIds = last.tranches.map((t) => t.taskId).filter((t): t is number => t !== null)
    if (taskIds.length !== TRANCHES.length)
      throw new Error(`not every tranche has its task: ${JSON.stringify(last.tranches)}`)
    cases.push({ itemId, caseId, taskIds })
  }

  /** The accountant completes one open tranche task (at random); now and then reopens one completed task, once in the day. */
  async function look(rnd: () => number): Promise<void> {
    const all = cases.flatMap((x) => x.taskIds)
    const openTasks = all.filter((id) => Number(task(id)?.STATUS) !== TASK_DONE)
    const done = all.filter((id) => Number(task(id)?.STATUS) === TASK_DONE)
    if (done.length && reopened.size === 0 && rnd() < 0.3) {
      const id = done[Math.floor(rnd() * done.length)]
      reopened.add(id)
      await a.call(c.portalId, 'tasks.task.renew', { taskId: id }, { userId: accountantId })
    } else if (openTasks.length) {
      await a.call(
        c.portalId,
        'tasks.task.complete',
        { taskId: openTasks[Math.floor(rnd() * openTasks.length)] },
        { userId: accountantId },
      )
    }
  }

  const unpaid = async () =>
    await c.db.query<{ case_id: string; n: number }>(
      "SELECT case_id, count(*)::int AS n FROM claim_tranches WHERE member_id = $1 AND case_id = ANY($2) AND status <> 'paid' GROUP BY 1",
      [c.memberId, cases.map((x) => x.caseId)],
    )
  const unfinished = async () => {
    const left = new Set((await unpaid()).map((r) => Number(r.case_id)))
    return cases.filter((x) => left.has(x.caseId) || completionTasks(x).length === 0)
  }

  /** After the faults: the accountant completes what is left; the schedule's claim-tranche-scan runs every few seconds. */
  async function finish(timeoutMs: number, scan: (slot: string) => Promise<void>, rnd: () => number): Promise<void> {
    let lastScan = 0
    for (const until = Date.now() + timeoutMs; ;) {
      await look(rnd)
      if ((await unfinished()).length === 0) return
      if (Date.now() > until) break
      if (Date.now() - lastScan > 8_000) {
        lastScan = Date.now()
        await scan(`payouts-${lastScan}`)
      }
      await sleep(500)
    }
    throw new Error(
      `payout cases not finished: ${JSON.stringify({ unpaid: await unpaid(), cases: (await unfinished()).map((x) => ({ ...x, tasks: x.taskIds.map((id) => task(id)?.STATUS), completion: completionTasks(x).length })) })}`,
    )
  }

  /** Per case: every tranche paid, ONE totals comment reading 3,500 / 3,500 / 0, ONE completion task. */
  async function verdict() {
    const final = renderClaimTotalsComment({ total: 350_000, paid: 350_000, remaining: 0 })
    return {
      cases: cases.length,
      reopened: reopened.size,
      unpaidTranches: await unpaid(),
      comments: cases
        .filter((x) => totalsComments(x).length !== 1 || String(totalsComments(x)[0].COMMENT) !== final)
        .map((x) => ({ itemId: x.itemId, comments: totalsComments(x).map((m) => String(m.COMMENT)) })),
      completionTasks: cases
        .filter((x) => completionTasks(x).length !== 1)
        .map((x) => ({ itemId: x.itemId, n: completionTasks(x).length })),
    }
  }

  return { open, look, finish, verdict, cases }
}
