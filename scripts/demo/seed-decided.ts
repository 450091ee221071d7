// Two payment requests carried to the end of their routes, as people would: one rejected by the head of
// department with a reason (Rejected), one approved by the head and the finance manager and then paid
// by accounting: both tasks completed and the payment order attached (Paid). Each step waits for the
// worker to handle the portal's event, so this runs in the background once the requests are created.
import type { Sandbox } from '../../sandbox/index.ts'
import type { AppContext } from '../../server/context.ts'
import type { ApprovalRecord } from '../../server/storage/repositories/approvals.ts'
import { approvalPorts } from '../../server/use-cases/approvals/approval-ports.ts'
import { decideApproval } from '../../server/use-cases/approvals/decide-approval.ts'
import { currentStepIndex } from '../../server/domain/approvals/index.ts'
import { demoRoles } from './seed-work.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let waitMs = 120_000

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = waitMs): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(250)) {
    const v = await probe()
    if (v) return v
  }
  throw new Error(`demo: ${what} did not happen in ${ms / 1000} s`)
}

interface DecidedRequests {
  paid: number
  rejected: number
}

export async function seedDecidedRequests(
  ctx: AppContext,
  sb: Sandbox,
  portalId: number,
  memberId: string,
  items: DecidedRequests,
  /** how long one step may take the worker (the demo's default is generous) */
  stepMs = 120_000,
): Promise<void> {
  waitMs = stepMs
  const ports = approvalPorts(ctx)
  const ap = (await ctx.repos.installState.get(memberId))?.processes.approvals
  if (!ap) return
  const record = (itemId: number) => ports.approvals.getByItem(memberId, ap.entityTypeId, itemId)
  const stageOf = (itemId: number) => {
    const id = String(sb.admin.items(portalId, ap.entityTypeId).find((x) => Number(x.id) === itemId)?.stageId)
    return Object.entries(ap.pipelines.payments?.stages ?? {}).find(([, v]) => v === id)?.[0]
  }
  // a step is open to a person once the record says so and the card stands in the step's stage
  const started = (itemId: number) =>
    until<ApprovalRecord>(`the route of item ${itemId}`, async () => {
      const r = await record(itemId)
      const step = r?.state.status === 'in-progress' ? r.state.steps.find((s) => s.status === 'active') : undefined
      return step && stageOf(itemId) === step.stage ? r : null
    })
  const decide = async (r: ApprovalRecord, decision: 'approve' | 'reject', reason?: string) => {
    const i = currentStepIndex(r.state)
    const step = r.state.steps[i]
    await decideApproval(
      ports,
      {
        memberId,
        approvalId: r.id,
        round: r.state.round,
        stepIndex: i,
        decision,
        actorId: step.assigneeId ?? demoRoles.cfo,
        reason: reason ?? null,
      },
      'ui',
    )
  }

  // Rejected by the first approver, with the reason the initiator reads
  await decide(
    await started(items.rejected),
    'reject',
    'Нет договора с поставщиком: приложите договор и подайте заново',
  )

  // Paid: every approver agrees, then accounting pays and attaches the payment order
  for (;;) {
    const r = await started(items.paid)
    const step = r.state.steps[currentStepIndex(r.state)]
    if (step.id === 'accounting') break
    await decide(r, 'approve')
    await until(`step ${step.id} of item ${items.paid} decided`, async () => {
      const next = await record(items.paid)
      return next && next.state.steps.find((s) => s.id === step.id)?.status !== 'active'
    })
  }
  // the two accounting tasks bound to the card: "make the payment" and its subtask (the payment order)
  const binding = `T${ap.entityTypeId.toString(16)}_${items.paid}`
  const tasks = await until(`the accounting tasks of item ${items.paid}`, async () => {
    const list = sb.admin.tasks(portalId).filter((t) => (t.UF_CRM_TASK as string[] | undefined)?.includes(binding))
    return list.length >= 2 ? list.sort((a, b) => Number(a.id) - Number(b.id)) : null
  })
  // each task closed by its own responsible (the chief accountant, the accountant)
  for (const t of tasks)
    await sb.admin.call(portalId, 'tasks.task.complete', { taskId: t.id }, { userId: Number(t.RESPONSIBLE_ID) })
  await until(`the accounting tasks of item ${items.paid} done`, async () => {
    const a = (await record(items.paid))?.state.accounting
    return a?.mainDone && a.subDone
  })
  const order = ap.fields.paymentOrderFile?.restName
  if (order)
    await sb.admin.call(
      portalId,
      'crm.item.update',
      {
        entityTypeId: ap.entityTypeId,
        id: items.paid,
        fields: { [order]: { id: 900, url: '/upload/demo/order.pdf' } },
      },
      { userId: Number(tasks.find((t) => Number(t.PARENT_ID) > 0)?.RESPONSIBLE_ID) || demoRoles.juniorAccountant },
    )
  await until(`item ${items.paid} paid`, async () => (await record(items.paid))?.state.status === 'done')
}
