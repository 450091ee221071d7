// One escalation step of one receivable, re-checked against the ledger when it runs (the ledger moves
// it to Overdue), the counterparty status updates, the manager gets the step's tasks (deadlines in working
// hours), the head of sales is notified, and the last step opens the Claim Work item. Every write is
// keyed; the step is logged once and commented on the receivable's timeline.
import { addWorkingHours } from '../../domain/calendar/index.ts'
import { formatDay, planDunning, taskTitleIn } from '../../domain/dunning/index.ts'
import { effectKeys } from '../effect-keys.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { debtByCounterparty, dunningInput } from './dunning-input.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { dunningTimelineComment, notifyEmployee } from './dunning-channels.ts'
import { createDunningTask } from './dunning-tasks.ts'
import { openClaim } from '../claims/open-claim.ts'
import type { EscalateJobData } from './run-dunning-scan.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'

/** The default escalation tasks read in the portal's language (admins may write their own titles). */
export type EscalateOutcome = 'escalated' | 'not-due' | 'stale'

export async function escalateDunning(ports: DunningPorts, data: EscalateJobData): Promise<EscalateOutcome> {
  const { memberId, receivableId, stepKey, day } = data
  const { calendar, today, lang } = await portalDay(ports, memberId)
  if (day !== today) return 'stale'
  const one = await ports.repo.one(memberId, receivableId)
  if (!one) return 'not-due'
  const siblings = await ports.repo.open(memberId, { counterpartyId: one.counterpartyId })
  const row = siblings.find((r) => r.receivableId === receivableId)
  if (!row) return 'not-due' // paid or written off
  const rules = await loadDunningRules(ports, memberId)
  const logs = await ports.repo.log(memberId, [receivableId])
  const plan = planDunning(
    dunningInput(row, logs, debtByCounterparty(siblings).get(row.counterpartyId) ?? 0),
    rules,
    calendar,
    today,
  )
  const logged = logs.find(
    (l) => l.stepKey === stepKey && l.kind === 'escalation' && l.onDate === today && l.status === 'sent',
  )
  const esc = logged
    ? plan.escalations.find((e) => e.key === stepKey)
    : plan.dueEscalations.find((e) => e.key === stepKey)
  if (!esc) return 'not-due'
  if (!ports.clients) throw new Error('portal clients are not wired')
  const client = await ports.clients.forPortal(memberId)
  const state = await ports.installState(memberId)
  const p = state?.processes.receivables ?? null
  const comment = async (tasks: number, claimId: number | null, reason: string) => {
    if (!p || !row.itemId) return
    const s = esc.step
    const text =
      lang === 'ru'
        ? `Эскалация ${s.id} (${reason === 'broken-promise' ? 'нарушено обещание оплаты' : `${s.daysOverdue} дн. просрочки`}) ${formatDay(today, 'ru')}: задач ${tasks}${claimId ? `, открыта претензия #${claimId}` : ''}.`
        : `Escalation ${s.id} (${reason === 'broken-promise' ? 'broken promise to pay' : `${s.daysOverdue} days overdue`}) ${today}: ${tasks} tasks${claimId ? `, claim #${claimId} opened` : ''}.`
    await dunningTimelineComment(
      ports,
      client,
      memberId,
      effectKeys.dunningTimeline(memberId, receivableId, stepKey),
      p.entityTypeId,
      row.itemId,
      text,
    )
  }
  if (logged) {
    // a retry after the step was recorded: only the timeline comment may still be missing
    const d = (logged.detail ?? {}) as { tasks?: number[]; claimId?: number | null; reason?: string }
    await comment(d.tasks?.length ?? 0, d.claimId ?? null, d.reason ?? 'timer')
    return 'escalated'
  }
  const step = esc.step
  // The Overdue stage itself is the ledger's: its reconcile moves every receivable past due through the
  // mirror (a move made here would look like a manual move to the ledger and freeze its stage rules).
  if (step.moveToOverdue && !['OVERDUE', 'NEGOTIATION'].includes(row.stage))
    ports.log.info({ memberId, receivableId, stage: row.stage }, 'dunning.escalate.stage-left-to-ledger')
  await ports.repo.patchCounterparty(memberId, row.counterpartyId, { status: step.openClaim ? 'claim' : 'escalated' })
  const about =
    lang === 'ru'
      ? `${row.counterpartyName}, счёт № ${row.invoiceNumber}, долг ${(row.remaining / 100).toFixed(2)} ₽, срок ${row.dueDate}`
      : `${row.counterpartyName}, invoice ${row.invoiceNumber}, debt ${(row.remaining / 100).toFixed(2)} RUB, due ${row.dueDate}`
  const manager = row.responsibleId ?? rules.headOfSalesId ?? 1
  const binding = p && row.itemId ? [`T${p.entityTypeId.toString(16)}_${row.itemId}`] : []
  const taskIds: number[] = []
  for (const [index, t] of step.tasks.entries()) {
    const r = await createDunningTask(
      ports,
      client,
      memberId,
      effectKeys.dunningTask(memberId, receivableId, stepKey, index),
      {
        title: `${taskTitleIn(t.title, lang)}: ${row.counterpartyName}`,
        description: about,
        responsibleId: manager,
        deadline: addWorkingHours(calendar, ports.now().getTime(), t.hours),
        bindings: binding,
      },
    )
    if (r.result) taskIds.push(r.result.taskId)
  }
  if (step.notifyHead && rules.headOfSalesId) {
    const text =
      lang === 'ru'
        ? `Эскалация просрочки (${step.daysOverdue} дн.): ${about}`
        : `Overdue escalation (${step.daysOverdue} days): ${about}`
    await notifyEmployee(
      ports,
      client,
      memberId,
      effectKeys.dunningNotify(memberId, receivableId, stepKey, rules.headOfSalesId),
      rules.headOfSalesId,
      text,
    )
  }
  const claimId = step.openClaim
    ? await openClaim(ports, client, state, {
        memberId,
        row,
        rules,
        calendar,
        lang,
        reason:
          esc.reason === 'broken-promise'
            ? lang === 'ru'
              ? 'Обещание оплаты нарушено.'
              : 'The promise to pay was broken.'
            : '',
      })
    : null
  await ports.repo.logStep(memberId, {
    receivableId,
    stepKey,
    kind: 'escalation',
    status: 'sent',
    onDate: today,
    detail: { tasks: taskIds, claimId, reason: esc.reason },
  })
  await comment(taskIds.length, claimId, esc.reason)
  return 'escalated'
}
