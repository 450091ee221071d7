// One ladder task step of one receivable on its day: re-planned when the job runs (paid, paused or
// already done: nothing), the task goes to the responsible employee or the role's holder with the
// step's template in the portal's language and a deadline at the end of a working day; the task is
// created once (effect key, XML_ID), the step logged once, and the task kept for closing later.
import { addWorkingDays, endOfWorkingDay } from '../../domain/calendar/index.ts'
import {
  daysOverdueOf,
  invoiceVariables,
  planDunning,
  renderTemplate,
  templateFor,
  type DunningRules,
  type LadderTaskStep,
} from '../../domain/dunning/index.ts'
import { effectKeys } from '../effect-keys.ts'
import { dunningStepTasksRepository } from '../../storage/repositories/dunning-step-tasks.ts'
import type { DunningRow } from '../../storage/repositories/dunning.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { debtByCounterparty, dunningInput } from './dunning-input.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { userName } from './dunning-channels.ts'
import { createDunningTask } from './dunning-tasks.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'

export const DUNNING_TASK_STEP_JOB = 'dunning-task-step'

export interface TaskStepJobData {
  memberId: string
  receivableId: number
  stepKey: string
  day: string
}

export type TaskStepOutcome = 'created' | 'not-due' | 'stale'

/** Who gets the task: the invoice's responsible (else the head of sales) or the role's holder. */
export function assigneeOf(step: LadderTaskStep, row: Pick<DunningRow, 'responsibleId'>, rules: DunningRules) {
  if (step.assignee === 'head-of-sales') return rules.headOfSalesId
  if (step.assignee === 'lawyer') return rules.lawyerId
  return row.responsibleId ?? rules.headOfSalesId
}

export async function setStepTask(ports: DunningPorts, data: TaskStepJobData): Promise<TaskStepOutcome> {
  const { memberId, receivableId, stepKey, day } = data
  const { calendar, today, lang } = await portalDay(ports, memberId)
  if (day !== today) return 'stale'
  const one = await ports.repo.one(memberId, receivableId)
  if (!one) return 'not-due'
  const siblings = await ports.repo.open(memberId, { counterpartyId: one.counterpartyId })
  const row = siblings.find((r) => r.receivableId === receivableId)
  if (!row) return 'not-due' // paid or written off meanwhile
  const rules = await loadDunningRules(ports, memberId)
  const logs = await ports.repo.log(memberId, [receivableId])
  const plan = planDunning(
    dunningInput(row, logs, debtByCounterparty(siblings).get(row.counterpartyId) ?? 0),
    rules,
    calendar,
    today,
  )
  const logged = logs.find((l) => l.stepKey === stepKey && l.kind === 'task' && l.status === 'sent')
  const planned = logged ? plan.tasks.find((t) => t.key === stepKey) : plan.dueTasks.find((t) => t.key === stepKey)
  if (!planned) return 'not-due'
  const stepTasks = dunningStepTasksRepository(ports.db)
  if (logged) {
    // a retry after the step was logged: only the bookkeeping row may be missing
    const taskId = (logged.detail as { taskId?: number } | null)?.taskId
    if (taskId) await stepTasks.record(memberId, receivableId, stepKey, taskId, logged.onDate)
    return 'created'
  }
  if (!ports.clients) throw new Error('portal clients are not wired')
  const client = await ports.clients.forPortal(memberId)
  const step = planned.step
  const responsibleId = assigneeOf(step, row, rules) ?? 1
  const text = renderTemplate(
    templateFor(rules, step.template, lang),
    invoiceVariables(
      {
        invoiceNumber: row.invoiceNumber,
        invoiceDate: row.invoiceDate,
        dueDate: row.dueDate,
        amount: row.amount,
        remaining: row.remaining,
        daysOverdue: daysOverdueOf(row.dueDate, today),
        penalty: null,
      },
      {
        counterparty: row.counterpartyName,
        manager: await userName(client, row.responsibleId),
        paymentDetails: rules.paymentDetails,
      },
      lang,
    ),
  )
  const state = await ports.installState(memberId)
  const p = state?.processes.receivables ?? null
  const r = await createDunningTask(
    ports,
    client,
    memberId,
    effectKeys.dunningStepTask(memberId, receivableId, stepKey),
    {
      title: text.subject,
      description: text.body,
      responsibleId,
      deadline: endOfWorkingDay(calendar, addWorkingDays(calendar, today, step.deadlineDays, 'next')),
      bindings: p && row.itemId ? [`T${p.entityTypeId.toString(16)}_${row.itemId}`] : [],
    },
  )
  const taskId = r.result?.taskId ?? null
  await ports.repo.logStep(memberId, {
    receivableId,
    stepKey,
    kind: 'task',
    status: 'sent',
    onDate: today,
    detail: { taskId, responsibleId, date: planned.date },
  })
  if (taskId) await stepTasks.record(memberId, receivableId, stepKey, taskId, today)
  return 'created'
}
