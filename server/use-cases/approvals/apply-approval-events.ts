// The portal half of a committed transition (job approval-apply): notifications (portal + Telegram),
// each decision in the item's timeline, accounting tasks, the item's stage and fields, and the next
// SLA timer. Every write is keyed.
import type { ApprovalEvent, ApprovalState } from '../../domain/approvals/index.ts'
import { currentStepIndex, defaultRoute, expectedStage, nextSlaMoment } from '../../domain/approvals/index.ts'
import { effectKeys, jobKeys } from '../effect-keys.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { approvalsProcessOf, portalClient } from './approval-ports.ts'
import type { ApprovalApplyJob } from './approval-transition.ts'
import { approvalCalendar, approvalRoles, type ApprovalRoles } from './approval-settings.ts'
import { approvalMessages, type RequestRef } from './approval-messages.ts'
import { decisionButtons, notifyUser, telegramUser } from './approval-notify.ts'
import { createAccountingTasks } from './approval-accounting-tasks.ts'
import { fieldOf, stageIdOf } from './approval-item.ts'
import { resolveApprovalWaits } from './resolve-approval-waits.ts'
import { recordDecisionEntry } from './approval-timeline.ts'
import { handleApprovalItemEvent } from './handle-approval-item-event.ts'

export const APPROVAL_SLA_JOB = 'approval-sla'
export interface ApprovalSlaJob {
  memberId: string
  approvalId: number
  round: number
  step: number
}

export async function applyApprovalEvents(ports: ApprovalPorts, job: ApprovalApplyJob): Promise<void> {
  const { memberId, outboxId } = job
  const outbox = await ports.approvals.outbox(memberId, outboxId)
  if (!outbox || outbox.appliedAt) return
  const record = await ports.approvals.get(memberId, outbox.approvalId)
  const process = await approvalsProcessOf(ports, memberId)
  if (!record || !process) return
  const client = await portalClient(ports, memberId)
  const [{ calendar, lang }, roles] = await Promise.all([
    approvalCalendar(ports, memberId),
    approvalRoles(ports, memberId),
  ])
  const s = outbox.state
  let fetched: Promise<Record<string, unknown>> | null = null
  const item = () =>
    (fetched ??= client
      .call<{ item: Record<string, unknown> }>('crm.item.get', { entityTypeId: record.entityTypeId, id: record.itemId })
      .then((r) => r.item))
  const ref = async (): Promise<RequestRef> => ({
    title: String((await item()).title ?? `#${record.itemId}`),
    url: null,
  })
  const once = async (n: number, what: string, write: () => Promise<unknown>) => {
    const key = effectKeys.approvalEffect(memberId, outboxId, n, what)
    if ((await ports.effects.claim(key, memberId)).state === 'done') return
    await write()
    await ports.effects.complete(key, null)
  }
  const tell = async (
    n: number,
    what: string,
    userId: number | null,
    text: string,
    buttons?: ReturnType<typeof decisionButtons>,
  ) => {
    if (!userId) return
    // the tag names this one notice of this one person: a retry after a lost answer replaces it (the docs: a
    // notification with an existing tag removes the others), and another person's notice never does
    await once(n, `${what}-im-${userId}`, () =>
      notifyUser(ports, client, memberId, userId, text, `rc_approval_${record.id}_${outboxId}_${n}_${what}_${userId}`),
    )
    await once(n, `${what}-tg-${userId}`, () => telegramUser(ports, memberId, userId, text, buttons))
  }
  const timezone = (await ports.portalOf(memberId))?.timezone ?? 'Europe/Moscow'
  const entry = (n: number, stepIndex: number, decision: 'approved' | 'rejected') =>
    recordDecisionEntry(
      ports,
      client,
      {
        memberId,
        key: effectKeys.approvalEffect(memberId, outboxId, n, 'timeline'),
        entityTypeId: record.entityTypeId,
        itemId: record.itemId,
      },
      { step: s.steps[stepIndex], decision, timezone, lang },
    )
  for (const [n, e] of outbox.events.entries()) await applyEvent(n, e)
  const synced = await syncItem(
    client,
    process,
    record.version === outbox.version ? s : null,
    record,
    item,
    outbox.createdAt,
  )
  const i = currentStepIndex(s)
  const at = i >= 0 && s.status === 'in-progress' && !s.paused ? nextSlaMoment(calendar, s.steps[i]) : null
  if (at && record.version === outbox.version) {
    const data: ApprovalSlaJob = { memberId, approvalId: record.id, round: s.round, step: i }
    await ports.send(APPROVAL_SLA_JOB, data, {
      key: jobKeys.approvalSla(memberId, record.id, s.round, i, at),
      startAfter: new Date(at),
      memberId,
    })
  }
  await ports.approvals.markApplied(outboxId)
  await resolveApprovalWaits(ports, memberId, record.itemId)
  // a person's move that came while this transition was being applied (its event found it pending) is judged now
  if (synced === 'moved-by-person') await handleApprovalItemEvent(ports, memberId, record.entityTypeId, record.itemId)

  async function applyEvent(n: number, e: ApprovalEvent): Promise<void> {
    const step = 'step' in e ? s.steps[e.step] : null
    switch (e.type) {
      case 'step-started':
        if (!step || step.kind !== 'approval') return
        if (step.assigneeId === null)
          return tell(
            n,
            'unassigned',
            roles.operationsManager,
            approvalMessages.escalation(lang, await ref(), null),
            decisionButtons(record!.id, s.round, e.step, lang),
          )
        return tell(
          n,
          'approve',
          step.assigneeId,
          step.selfApproval
            ? approvalMessages.approveInCard(lang, await ref())
            : approvalMessages.approveRequest(lang, await ref(), s),
          decisionButtons(record!.id, s.round, e.step, lang),
        )
      case 'reminded':
        return tell(
          n,
          'remind',
          step!.assigneeId,
          approvalMessages.reminder(lang, await ref()),
          decisionButtons(record!.id, s.round, e.step, lang),
        )
      case 'escalated':
        return tell(
          n,
          'escalate',
          roles.operationsManager,
          approvalMessages.escalation(lang, await ref(), step!.assigneeId),
          decisionButtons(record!.id, s.round, e.step, lang),
        )
      case 'step-approved':
        return entry(n, e.step, 'approved')
      case 'rejected':
        await entry(n, e.step, 'rejected')
        return tell(n, 'rejected', s.facts.initiatorId, approvalMessages.rejected(lang, await ref(), e.reason))
      case 'completed':
        return tell(
          n,
          'completed',
          s.facts.initiatorId,
          s.pipeline === 'payments'
            ? approvalMessages.paid(lang, await ref())
            : approvalMessages.approved(lang, await ref()),
        )
      case 'accounting-started':
        await createAccountingTasks(
          ports,
          client,
          {
            memberId,
            approvalId: record!.id,
            entityTypeId: record!.entityTypeId,
            itemId: record!.itemId,
            outboxId,
            eventIndex: n,
          },
          s,
          roles as ApprovalRoles,
          await ref(),
          lang,
        )
        return
      default:
        return
    }
  }
}

/** Puts the item's stage, approver and rejection reason in line with the latest state (only from the latest
 *  transition). A card a person moved on AFTER this transition was committed (a later step, Paid or Rejected:
 *  e.g. the head approved while the answer to our first write was lost and this is its retry) is not moved
 *  back: that move is judged. The move that caused the transition is older than it and is put in line. */
async function syncItem(
  client: PortalClient,
  process: InstalledProcess,
  latest: ApprovalState | null,
  record: { entityTypeId: number; itemId: number; pipeline: ApprovalState['pipeline'] },
  current: () => Promise<Record<string, unknown>>,
  committedAt: Date,
): Promise<'synced' | 'moved-by-person'> {
  if (!latest) return 'synced'
  const stage = expectedStage(latest, record.pipeline)
  if (!stage) return 'synced'
  const i = currentStepIndex(latest)
  if (latest.status === 'in-progress' && i >= 0) {
    const route = defaultRoute(record.pipeline)
    const onward = [...latest.steps.slice(i + 1).map((x) => x.stage), route.doneStage, route.rejectedStage].filter(
      (x) => x !== stage,
    )
    const item = await current()
    const movedAt = Date.parse(String(item.movedTime ?? ''))
    if (
      onward.some((code) => stageIdOf(process, record.pipeline, code) === String(item.stageId ?? '')) &&
      movedAt > committedAt.getTime()
    )
      return 'moved-by-person'
  }
  const fields: Record<string, unknown> = { stageId: stageIdOf(process, record.pipeline, stage) }
  if (i >= 0 && latest.steps[i].assigneeId && process.fields.approver)
    fields[fieldOf(process, 'approver')] = latest.steps[i].assigneeId
  const rejected = latest.steps.find((x) => x.status === 'rejected')
  if (latest.status === 'rejected' && rejected && process.fields.rejectionReason)
    fields[fieldOf(process, 'rejectionReason')] = rejected.reason
  await client.call('crm.item.update', { entityTypeId: record.entityTypeId, id: record.itemId, fields })
  return 'synced'
}
