// The collection plan of one counterparty for the tab: per open receivable the planned steps with
// dates, what was done (sent, tasks, claim), what waits, what is overdue, promise, pause and claim.
import { daysOverdueOf, planDunning, taskTitleIn, type DunningPlan } from '../../domain/dunning/index.ts'
import { taskCountsDone } from '../../domain/tasks/task-done.ts'
import type { DunningPlanDto, DunningReceivablePlanDto, DunningStepDto } from '../../../contracts/dunning.ts'
import type { DunningRow, LogRow } from '../../storage/repositories/dunning.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { debtByCounterparty, dunningInput } from './dunning-input.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'

export async function readDunningPlan(
  ports: DunningPorts,
  memberId: string,
  type: 'company' | 'contact',
  entityId: number,
): Promise<DunningPlanDto> {
  const { calendar, today, lang } = await portalDay(ports, memberId)
  const cp = await ports.db
    .selectFrom('counterparties as c')
    .leftJoin('dunning_counterparties as dc', (j) =>
      j.onRef('dc.counterparty_id', '=', 'c.id').onRef('dc.member_id', '=', 'c.member_id'),
    )
    .select(['c.id', 'c.name', 'dc.status'])
    .where('c.member_id', '=', memberId)
    .where('c.entity_type', '=', type)
    .where('c.entity_id', '=', entityId)
    .executeTakeFirst()
  if (!cp) return { today, counterparty: null, receivables: [] }
  const rules = await loadDunningRules(ports, memberId)
  const rows = (await ports.repo.byCounterparty(memberId, Number(cp.id))).filter(
    (r) => r.remaining > 0 && r.stage !== 'FAIL',
  )
  const logs = await ports.repo.log(
    memberId,
    rows.map((r) => r.receivableId),
  )
  const debt = debtByCounterparty(rows).get(Number(cp.id)) ?? 0
  const receivables = rows.map((row) =>
    toDto(row, logs, planDunning(dunningInput(row, logs, debt), rules, calendar, today), today, lang),
  )
  await markDoneTasks(ports, memberId, receivables)
  return {
    today,
    counterparty: { id: Number(cp.id), name: cp.name, status: headerStatus(cp.status ?? 'ok', receivables) },
    receivables,
  }
}

/** The header never says "ok" while an invoice is overdue (the stored status lags until the next scan). */
export function headerStatus(
  stored: NonNullable<DunningPlanDto['counterparty']>['status'],
  list: DunningReceivablePlanDto[],
): NonNullable<DunningPlanDto['counterparty']>['status'] {
  if (stored === 'ok' && list.some((r) => r.daysOverdue > 0 && r.remaining > 0)) return 'overdue'
  return stored
}

export function toDto(
  row: DunningRow,
  logs: LogRow[],
  plan: DunningPlan,
  today: string,
  lang: 'ru' | 'en' = 'ru',
): DunningReceivablePlanDto {
  const mine = logs.filter((l) => l.receivableId === row.receivableId)
  const detailOf = (key: string): DunningStepDto['detail'] => {
    const d = mine.find((l) => l.stepKey === key)?.detail as
      | {
          channels?: string[]
          skipped?: Record<string, string>
          callback?: { callId: string } | { fallback: string }
          tasks?: number[]
          claimId?: number | null
          reason?: string
        }
      | null
      | undefined
    if (!d) return null
    return {
      channels: d.channels,
      ...(d.skipped ? { skipped: d.skipped } : {}),
      ...(d.callback ? { callback: d.callback } : {}),
      tasks: d.tasks?.map((id) => ({ id, done: null })),
      claimId: d.claimId,
      reason: d.reason,
    }
  }
  const steps: DunningStepDto[] = [
    ...plan.reminders.map((p) => ({
      key: p.key,
      kind: 'reminder' as const,
      label: p.stepId,
      ...(p.when ? { when: p.when } : {}),
      date: p.date,
      status: p.status,
      overdue: p.status === 'missed',
      channels: p.channels,
      doneOn: p.doneOn,
      detail: detailOf(p.key),
    })),
    ...plan.escalations.map((e) => ({
      key: e.key,
      kind: 'escalation' as const,
      label: `${e.step.id}: ${[...e.step.tasks.map((t) => taskTitleIn(t.title, lang)), e.step.openClaim ? (lang === 'ru' ? 'Претензионная работа' : 'Claim work') : ''].filter(Boolean).join(', ')}`,
      when: { daysOverdue: e.step.daysOverdue },
      what: {
        tasks: e.step.tasks.map((t) => taskTitleIn(t.title, lang)),
        notifyHead: e.step.notifyHead,
        openClaim: e.step.openClaim,
      },
      date: e.date,
      status: e.status,
      overdue: e.status === 'waiting' && e.date < today,
      channels: [],
      doneOn: e.doneOn,
      detail: detailOf(e.key),
    })),
  ].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))
  return {
    receivableId: row.receivableId,
    itemId: row.itemId,
    invoiceNumber: row.invoiceNumber,
    invoiceDate: row.invoiceDate,
    dueDate: row.dueDate,
    amount: row.amount,
    remaining: row.remaining,
    daysOverdue: daysOverdueOf(row.dueDate, today),
    riskSegment: plan.riskSegment,
    ladderId: plan.ladderId,
    block: plan.block,
    pause: row.pausedUntil ? { until: row.pausedUntil, reason: row.pauseReason ?? '' } : null,
    promise:
      row.promisedDate && row.promisedAmount
        ? { date: row.promisedDate, amount: row.promisedAmount, status: plan.promise ?? 'pending' }
        : null,
    claim: row.claimItemId ? { itemId: row.claimItemId } : null,
    nextReminderDate: plan.nextReminderDate,
    steps,
    manual: mine
      .filter((l) => l.kind === 'manual')
      .map((l) => ({
        key: l.stepKey,
        on: l.onDate,
        actor: l.actor,
        channels: (l.detail as { channels?: string[] } | null)?.channels ?? [],
      })),
  }
}

/** Which escalation tasks are completed (status 5) or awaiting control (4): one list call; unknown when the portal is unreachable. */
async function markDoneTasks(ports: DunningPorts, memberId: string, list: DunningReceivablePlanDto[]): Promise<void> {
  const tasks = list.flatMap((r) => r.steps.flatMap((s) => s.detail?.tasks ?? []))
  if (!tasks.length || !ports.clients) return
  try {
    const client = await ports.clients.forPortal(memberId)
    const r = await client.call<{ tasks: { id: string | number; status: string | number }[] }>('tasks.task.list', {
      filter: { ID: tasks.map((t) => t.id) },
      select: ['ID', 'STATUS'],
    })
    const status = new Map((r?.tasks ?? []).map((t) => [Number(t.id), Number(t.status)]))
    for (const t of tasks) t.done = status.has(t.id) ? taskCountsDone('dunning', status.get(t.id)) : null
  } catch (e) {
    ports.log.warn({ memberId, err: (e as Error).message }, 'dunning.plan.task-status-unavailable')
  }
}
