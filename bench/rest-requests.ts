// rest_requests_per_*: HTTP requests our app sends to the portal per business operation, read from the
// sandbox's request counters (the production portal client over HTTP, the app installed by the real
// install), next to what a straightforward one-call-per-action implementation needs:
// - a payment: the item's fields, its stage, the totals comment on the invoice and on the
//   counterparty, the manager's notification (5 calls), against our one write batch;
// - a reminder: the e-mail activity, the item's next-reminder date and the timeline line (3 calls);
// - a paid tranche: the task read, the tranche fields and the totals comment (3 calls).
import { startReceivablesSandbox, type SandboxWorld } from '../tests/integration/receivables/sandbox-world.ts'
import { receivablesPorts, type ReceivablesPorts } from '../server/use-cases/receivables/receivables-ports.ts'
import { dunningPorts } from '../server/use-cases/dunning/dunning-ports.ts'
import { handleReceivableItemEvent } from '../server/use-cases/receivables/handle-receivable-item-event.ts'
import { mirrorReceivable } from '../server/use-cases/receivables/mirror-receivable.ts'
import { recordPayment } from '../server/use-cases/receivables/record-payment.ts'
import { runDunningScan, type RemindJobData } from '../server/use-cases/dunning/run-dunning-scan.ts'
import { sendDunningReminder } from '../server/use-cases/dunning/send-dunning-reminder.ts'
import type { MirrorJobData } from '../server/use-cases/receivables/enqueue-mirror.ts'
import { receivablesRepository } from '../server/storage/repositories/receivables.ts'
import type { Metric } from './lib/metrics.ts'
import { startRobotWorld } from '../tests/helpers/installed-app.ts'
import { loadClaim } from '../server/use-cases/claims/claim-case.ts'
import { editClaimTranches } from '../server/use-cases/claims/edit-claim-tranches.ts'
import { claimsRepository } from '../server/storage/repositories/claims.ts'

const NOW = new Date('2026-12-07T08:00:00Z') // Monday 11:00 in Moscow: inside the send window
const DUE = '2026-12-14' // five working days later: the default ladder's first reminder is due today

export async function benchRestRequests(): Promise<Metric[]> {
  const w = await startReceivablesSandbox()
  const out: Metric[] = []
  try {
    out.push(await perPayment(w), await perReminder(w))
  } finally {
    await w.sb.close()
    await w.close()
  }
  out.push(await perTranche())
  return out
}

/** Seed 003's compensation: three tranches, the accountant completes each task in the portal. */
async function perTranche(): Promise<Metric> {
  const w = await startRobotWorld()
  try {
    const accountant = w.sb.admin.addUser(w.portalId, { name: 'Мария', lastName: 'Бухгалтерова' }).id
    await w.ctx.repos.settings.set(w.memberId, 'claims', { accountantId: accountant, taskDaysBefore: 30 }, 'bench')
    const c = w.state.processes.claims!
    const { result } = await w.sb.admin.call<{ item: { id: number } }>(w.portalId, 'crm.item.add', {
      entityTypeId: c.entityTypeId,
      fields: {
        title: 'Компенсация (бенчмарк)',
        categoryId: c.pipelines.compensation!.categoryId,
        companyId: w.companyId,
        [c.fields.compensationAmount.restName]: '3500|RUB',
      },
    })
    const ports = dunningPorts(w.ctx)
    const client = await w.ctx.b24!.forPortal(w.memberId)
    const { claim } = await loadClaim(ports, client, w.memberId, Number(result.item.id))
    for (const [deadline, amount] of [
      ['2026-12-10', 100_000],
      ['2026-12-20', 100_000],
      ['2026-12-30', 150_000],
    ] as const)
      await editClaimTranches(ports, client, w.memberId, claim.id, { op: 'add', deadline, amount }, 'user:1')
    const tranches = await claimsRepository(w.ctx.database.db).tranches(w.memberId, claim.id)
    let total = 0
    for (const t of tranches.slice(0, 2)) {
      await new Promise((r) => setTimeout(r, 1100)) // the portal stamps events by the second
      w.sb.admin.resetCounters(w.portalId)
      await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: t.taskId }, { userId: accountant })
      for (
        let i = 0;
        i < 150 &&
        (await claimsRepository(w.ctx.database.db).tranches(w.memberId, claim.id)).find((x) => x.id === t.id)
          ?.status !== 'paid';
        i++
      )
        await new Promise((r) => setTimeout(r, 100))
      await new Promise((r) => setTimeout(r, 300))
      total += w.sb.admin.requestLog(w.portalId).filter((e) => !e.viaBatch && e.auth === 'oauth').length
    }
    return {
      name: 'rest_requests_per_tranche_paid',
      value: total / 2,
      unit: 'requests',
      comparison: { name: 'one call per action', value: 3 },
      target: '<= 2',
      note: 'the accountant completes the tranche task; the totals comment and fields follow',
    }
  } finally {
    await w.sb.close()
    await w.close()
  }
}

async function newReceivable(
  w: SandboxWorld,
  ports: ReceivablesPorts,
  drain: () => Promise<void>,
  n: string,
  due: string,
): Promise<number> {
  const f = (k: string) => w.installState.processes.receivables!.fields[k].restName
  const { item } = (
    await w.sb.admin.call<{ item: { id: number } }>(
      w.portalId,
      'crm.item.add',
      {
        entityTypeId: w.entityTypeId,
        fields: {
          title: n,
          companyId: w.companyId,
          assignedById: w.managerId,
          [f('invoiceNumber')]: n,
          [f('invoiceDate')]: '2026-11-20',
          [f('dueDate')]: due,
          [f('amount')]: '1000|RUB',
          [f('currency')]: 'RUB',
        },
      },
      { events: false },
    )
  ).result
  await handleReceivableItemEvent(ports, w.memberId, w.entityTypeId, item.id)
  await drain()
  return (await receivablesRepository(w.ctx.database.db).getByItem(w.memberId, item.id))!.id
}

function mirrorQueue(w: SandboxWorld) {
  const queued: MirrorJobData[] = []
  const ports: ReceivablesPorts = {
    ...receivablesPorts(w.ctx, { clients: w.client, installState: async () => w.installState, now: () => NOW }),
    send: async (_n, data) => {
      queued.push(data as MirrorJobData)
    },
  }
  const drain = async () => {
    while (queued.length) await mirrorReceivable(ports, queued.shift()!)
  }
  return { ports, drain }
}

async function perPayment(w: SandboxWorld): Promise<Metric> {
  const { ports, drain } = mirrorQueue(w)
  const id = await newReceivable(w, ports, drain, 'B-PAY', '2026-12-20')
  let total = 0
  const N = 10
  for (let i = 0; i < N; i++) {
    w.sb.admin.resetCounters(w.portalId)
    await recordPayment(
      ports,
      { memberId: w.memberId, actor: 'user:1', source: 'bench' },
      { receivableId: id, amount: 1_000, paidOn: '2026-12-07', source: 'manual', sourceRef: `b-${i}` },
    )
    await drain()
    total += w.sb.admin.counters(w.portalId).requests
  }
  return {
    name: 'rest_requests_per_payment',
    value: total / N,
    unit: 'requests',
    comparison: { name: 'one call per action', value: 5 },
    target: '<= 2',
    note: `${N} partial payments, each mirrored (fields, stage, 2 comments, notification)`,
  }
}

async function perReminder(w: SandboxWorld): Promise<Metric> {
  const { ports, drain } = mirrorQueue(w)
  for (let i = 0; i < 5; i++) await newReceivable(w, ports, drain, `B-REM-${i}`, DUE)
  const jobs: RemindJobData[] = []
  const dp = dunningPorts(w.ctx, {
    clients: w.client,
    installState: async () => w.installState,
    now: () => NOW,
    send: async (name, data) => {
      if (name === 'dunning-remind') jobs.push(data as RemindJobData)
      return null
    },
  })
  await runDunningScan(dp, w.memberId)
  if (!jobs.length) throw new Error('the scan planned no reminder for today')
  let total = 0
  let invoices = 0
  for (const job of jobs) {
    w.sb.admin.resetCounters(w.portalId)
    await sendDunningReminder(dp, job)
    total += w.sb.admin.counters(w.portalId).requests
    invoices += job.entries.length
  }
  return {
    name: 'rest_requests_per_reminder',
    value: total / jobs.length,
    unit: 'requests',
    comparison: { name: 'one call per action, per invoice', value: (3 * invoices) / jobs.length },
    note: `${jobs.length} consolidated message(s) for ${invoices} invoices due ${DUE}`,
  }
}
