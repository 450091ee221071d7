// The morning scan of one portal: bulk-read card edits, plan every open receivable, and enqueue one
// keyed job per effect (one consolidated reminder per counterparty per day, one job per escalation
// step, one per ladder task step); the "next reminder" card field is written in batches of 50 only where it changed.
import type { BatchCommand } from '../../bitrix24/client/portal-client.ts'
import { planDunning, sendWindowOn } from '../../domain/dunning/index.ts'
import { jobKeys } from '../effect-keys.ts'
import { turnIfHeld } from '../../lib/event-loop-turn.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { debtByCounterparty, dunningInput } from './dunning-input.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { receivablesProcessOf } from '../receivables/receivables-ports.ts'
import { fieldName } from '../receivables/receivable-item-fields.ts'
import { pullDunningCardFields } from './pull-dunning-card-fields.ts'
import { DUNNING_TASK_STEP_JOB, type TaskStepJobData } from './set-step-task.ts'
import { DUNNING_REVIEW_QUEUE_JOB } from './review-jobs.ts'
import { loadReviewSettings, planRelease } from './review-settings.ts'

export const DUNNING_REMIND_JOB = 'dunning-remind'
export const DUNNING_ESCALATE_JOB = 'dunning-escalate'

export interface RemindJobData {
  memberId: string
  counterpartyId: number
  day: string
  entries: { receivableId: number; stepKey: string }[]
  /** A line of the review list that a person (or the release hour) let go: its reviewed text is sent. */
  reviewId?: number
}
export interface EscalateJobData {
  memberId: string
  receivableId: number
  stepKey: string
  day: string
}
export interface ScanStats {
  open: number
  reminders: number
  /** Counterparties whose reminder went to the review list (segments that wait for review). */
  reviews: number
  escalations: number
  taskSteps: number
  cardChanges: number
  nextDateWrites: number
}

export async function runDunningScan(ports: DunningPorts, memberId: string): Promise<ScanStats> {
  const { calendar, today } = await portalDay(ports, memberId)
  const rules = await loadDunningRules(ports, memberId)
  const p = await receivablesProcessOf(ports, memberId)
  const client = p && ports.clients ? await ports.clients.forPortal(memberId) : null
  let rows = await ports.repo.open(memberId)
  let cardChanges = 0
  if (client && p && rows.length) {
    cardChanges = await pullDunningCardFields(ports, client, p, memberId, rows, today)
    if (cardChanges) rows = await ports.repo.open(memberId)
  }
  const logs = new Map<number, Awaited<ReturnType<DunningPorts['repo']['logOfOpen']>>>()
  for (const l of await ports.repo.logOfOpen(memberId))
    logs.set(l.receivableId, [...(logs.get(l.receivableId) ?? []), l])
  const debts = debtByCounterparty(rows)
  const remind = new Map<number, RemindJobData & { startAfter: number }>()
  const escalations: EscalateJobData[] = []
  const taskSteps: TaskStepJobData[] = []
  const nextDates: { row: (typeof rows)[number]; date: string | null }[] = []
  const tz = calendar.timezone
  const reviewed = new Set((await loadReviewSettings(ports, memberId)).segments)
  /** Counterparties with a reminder in a reviewed segment: their whole message of the day waits. */
  const waits = new Set<number>()
  // planning is synchronous (about 0.7 ms a receivable on a loaded machine): 20,000 overdue ones
  // held the event loop, and with it every HTTP request, for 14 s; a turn is given back when 10 ms
  // passed without one
  for (const row of rows) {
    await turnIfHeld()
    let plan
    try {
      plan = planDunning(
        dunningInput(row, logs.get(row.receivableId) ?? [], debts.get(row.counterpartyId) ?? 0),
        rules,
        calendar,
        today,
      )
    } catch (e) {
      ports.log.warn({ memberId, receivableId: row.receivableId, err: (e as Error).message }, 'dunning.plan-failed')
      continue
    }
    if (plan.dueReminder) {
      const job = remind.get(row.counterpartyId) ?? {
        memberId,
        counterpartyId: row.counterpartyId,
        day: today,
        entries: [],
        startAfter: sendWindowOn(today, plan.window, row.cpTimezone ?? tz).fromMs,
      }
      job.entries.push({ receivableId: row.receivableId, stepKey: plan.dueReminder.key })
      remind.set(row.counterpartyId, job)
      if (reviewed.has(plan.riskSegment)) waits.add(row.counterpartyId)
    }
    for (const e of plan.dueEscalations)
      escalations.push({ memberId, receivableId: row.receivableId, stepKey: e.key, day: today })
    for (const t of plan.dueTasks)
      taskSteps.push({ memberId, receivableId: row.receivableId, stepKey: t.key, day: today })
    if (plan.nextReminderDate !== row.nextReminderDate) nextDates.push({ row, date: plan.nextReminderDate })
  }
  const nowMs = ports.now().getTime()
  await ports.review.expireBefore(memberId, today)
  for (const j of remind.values()) {
    const { startAfter, ...data } = j
    if (waits.has(j.counterpartyId)) {
      await ports.send(DUNNING_REVIEW_QUEUE_JOB, data, {
        key: jobKeys.dunningReviewQueue(memberId, j.counterpartyId, today),
        memberId,
      })
      continue
    }
    await ports.send(DUNNING_REMIND_JOB, data, {
      key: jobKeys.dunningRemind(memberId, j.counterpartyId, today),
      memberId,
      ...(startAfter > nowMs ? { startAfter } : {}),
    })
  }
  for (const e of escalations)
    await ports.send(DUNNING_ESCALATE_JOB, e, {
      key: jobKeys.dunningEscalate(memberId, e.receivableId, e.stepKey, today),
      memberId,
    })
  for (const t of taskSteps)
    await ports.send(DUNNING_TASK_STEP_JOB, t, {
      key: jobKeys.dunningStepTask(memberId, t.receivableId, t.stepKey, today),
      memberId,
    })
  if (waits.size) await planRelease(ports, memberId, today, tz)
  const nextDateWrites = await writeNextDates(ports, memberId, nextDates, client, p)
  return {
    open: rows.length,
    reminders: [...remind.values()].reduce((n, j) => n + j.entries.length, 0),
    reviews: waits.size,
    escalations: escalations.length,
    taskSteps: taskSteps.length,
    cardChanges,
    nextDateWrites,
  }
}

async function writeNextDates(
  ports: DunningPorts,
  memberId: string,
  list: { row: { receivableId: number; itemId: number | null }; date: string | null }[],
  client: Awaited<ReturnType<NonNullable<DunningPorts['clients']>['forPortal']>> | null,
  p: Awaited<ReturnType<typeof receivablesProcessOf>>,
): Promise<number> {
  if (!list.length) return 0
  const field = p ? fieldName(p, 'nextReminderDate') : null
  const commands: Record<string, BatchCommand> = {}
  for (const { row, date } of list)
    if (row.itemId && field && p)
      commands[`n${row.itemId}`] = {
        method: 'crm.item.update',
        params: { entityTypeId: p.entityTypeId, id: row.itemId, fields: { [field]: date ?? '' } },
      }
  const failed = new Set<string>()
  if (client && Object.keys(commands).length) {
    const res = await client.batch(commands, { halt: false })
    for (const k of Object.keys(res.errors)) failed.add(k)
    if (failed.size) ports.log.warn({ memberId, failed: failed.size }, 'dunning.next-date.partial-failure')
  }
  await ports.repo.setNextDates(
    memberId,
    list
      .filter(({ row }) => !failed.has(`n${row.itemId}`))
      .map(({ row, date }) => ({ receivableId: row.receivableId, date })),
  )
  return Object.keys(commands).length
}
