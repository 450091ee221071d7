// ONCRMDYNAMICITEMADD / ONCRMDYNAMICITEMUPDATE on our Approvals type: a saved request starts its
// route; a rejected one moved out of Rejected restarts; Frozen / Documents request pause the clock
// and moving back resumes it; a stage move by a person is a decision through decide-approval; the
// payment order attached after both tasks are done completes the request. Our own writes are no-ops.
import {
  ApprovalError,
  currentStepIndex,
  defaultRoute,
  expectedStage,
  pauseRoute,
  progressAccounting,
  resumeRoute,
} from '../../domain/approvals/index.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { approvalsProcessOf, portalClient } from './approval-ports.ts'
import { readApprovalItem, stageIdOf, type ApprovalItem } from './approval-item.ts'
import { approvalCalendar } from './approval-settings.ts'
import { commitTransition, type Who } from './approval-transition.ts'
import { startApproval } from './start-approval.ts'
import { decideApproval } from './decide-approval.ts'
import { notifyUser } from './approval-notify.ts'
import { approvalMessages } from './approval-messages.ts'

export type ItemEventOutcome = {
  status:
    | 'ignored'
    | 'unchanged'
    | 'started'
    | 'incomplete'
    | 'paused'
    | 'resumed'
    | 'decided'
    | 'refused'
    | 'progressed'
    | 'conflict'
  detail?: string
}

export async function handleApprovalItemEvent(
  ports: ApprovalPorts,
  memberId: string,
  entityTypeId: number,
  itemId: number,
): Promise<ItemEventOutcome> {
  const process = await approvalsProcessOf(ports, memberId)
  if (!process || process.entityTypeId !== entityTypeId) return { status: 'ignored', detail: 'not our approvals type' }
  const client = await portalClient(ports, memberId)
  // the route is read before the card: a card read after a transition's writes reached the portal then never
  // meets an older route, and a transition still being applied is known (its writes may not be in the card yet)
  const record = await ports.approvals.getByItem(memberId, entityTypeId, itemId)
  const applying = record ? await ports.approvals.hasPendingOutbox(memberId, record.id) : false
  const got = await client
    .call<{ item: Record<string, unknown> }>('crm.item.get', { entityTypeId, id: itemId })
    .catch((e: { code?: string }) => {
      if (e.code === 'NOT_FOUND') return null
      throw e
    })
  if (!got) return { status: 'ignored', detail: 'the item is gone' }
  const item = readApprovalItem(process, got.item)
  if (!item.pipeline) return { status: 'ignored', detail: 'not an approval pipeline' }
  const route = defaultRoute(item.pipeline)
  const actor = item.movedBy ?? item.updatedBy
  const who: Who = { actor: actor ? `user:${actor}` : 'portal', source: 'event' }
  const finished = item.stage === route.doneStage || item.stage === route.rejectedStage
  if (!record || (record.state.status === 'rejected' && !finished)) {
    if (!record && finished) return { status: 'ignored', detail: 'a finished item without a route' }
    // the card not yet in Rejected while the rejection is being applied is not a person restarting it
    if (applying) return { status: 'unchanged', detail: 'a transition is being applied' }
    const out = await startApproval(ports, client, memberId, process, item, record, who)
    return {
      status: out.status === 'started' ? 'started' : out.status,
      ...(out.status === 'incomplete' ? { detail: out.message } : {}),
    }
  }
  const s = record.state
  if (s.status !== 'in-progress') return { status: 'unchanged' }
  const { calendar, lang } = await approvalCalendar(ports, memberId)
  const env = { cal: calendar, now: ports.now().toISOString() }
  const i = currentStepIndex(s)
  const target = { ...record, previous: record }
  const inPause = item.stage !== null && route.pauseStages.includes(item.stage)
  if (inPause !== s.paused) {
    const t = inPause ? pauseRoute(s, item.pauseReason ?? '', env) : resumeRoute(s, env)
    const next = await commitTransition(
      ports,
      target,
      t.state,
      t.events,
      who,
      inPause ? 'approval.paused' : 'approval.resumed',
      inPause ? { reason: item.pauseReason, stage: item.stage } : undefined,
    )
    if (!next) return { status: 'conflict' }
    if (inPause || item.stage === s.steps[i].stage) return { status: inPause ? 'paused' : 'resumed' }
    return handleApprovalItemEvent(ports, memberId, entityTypeId, itemId)
  }
  if (inPause) return { status: 'unchanged' }
  if (s.steps[i].kind === 'accounting') {
    if (!item.paymentOrderAttached || !(s.accounting.mainDone && s.accounting.subDone)) return { status: 'unchanged' }
    const t = progressAccounting(s, { paymentOrderAttached: true }, env)
    return (await commitTransition(ports, target, t.state, t.events, who, 'approval.paid'))
      ? { status: 'progressed' }
      : { status: 'conflict' }
  }
  if (item.stage === s.steps[i].stage || item.stage === null) return { status: 'unchanged' }
  // our own stage move has not reached the portal yet: the apply job will put the stage in line
  if (applying || (await ports.approvals.hasPendingOutbox(memberId, record.id)))
    return { status: 'unchanged', detail: 'a transition is being applied' }
  return stageMoveDecision(ports, client, memberId, process, item, record, i, actor, lang)
}

/** A person moved the item: forward = approve, to Rejected = reject (with the reason field); else undo. */
async function stageMoveDecision(
  ports: ApprovalPorts,
  client: Awaited<ReturnType<typeof portalClient>>,
  memberId: string,
  process: Parameters<typeof stageIdOf>[0],
  item: ApprovalItem,
  seen: { id: number; version: number; state: { round: number } },
  step: number,
  actor: number | null,
  lang: 'ru' | 'en',
): Promise<ItemEventOutcome> {
  const { id: approvalId, version: seenVersion } = seen
  const round = seen.state.round
  const route = defaultRoute(item.pipeline!)
  const record = (await ports.approvals.get(memberId, approvalId))!
  const later = record.state.steps.slice(step + 1).some((x) => x.stage === item.stage) || item.stage === route.doneStage
  const decision = item.stage === route.rejectedStage ? 'reject' : later ? 'approve' : null
  let why = lang === 'ru' ? 'стадии меняет маршрут согласования' : 'the approval route moves the stages'
  if (decision && actor) {
    try {
      const out = await decideApproval(
        ports,
        { memberId, approvalId, round, stepIndex: step, decision, actorId: actor, reason: item.rejectionReason },
        'portal',
      )
      return out.status === 'decided' ? { status: 'decided' } : { status: 'unchanged', detail: 'already decided' }
    } catch (e) {
      if (!(e instanceof ApprovalError)) throw e
      why = e.message
    }
  }
  // the card goes back only while the route stands where it stood when the move was judged: a decision
  // committed meanwhile (or a stale read of the card) is not undone, the latest transition sets the stage
  const before = (await ports.approvals.get(memberId, approvalId))!
  const back = expectedStage(before.state, item.pipeline!)
  if (before.version !== seenVersion || !back || (await ports.approvals.hasPendingOutbox(memberId, approvalId)))
    return { status: 'unchanged', detail: 'the route moved on meanwhile' }
  const again = await client.call<{ item: Record<string, unknown> }>('crm.item.get', {
    entityTypeId: process.entityTypeId,
    id: item.id,
  })
  if (readApprovalItem(process, again.item).stage !== item.stage)
    return { status: 'unchanged', detail: 'the card moved again' }
  const moveTo = (stage: string) =>
    client.call('crm.item.update', {
      entityTypeId: process.entityTypeId,
      id: item.id,
      fields: { stageId: stageIdOf(process, item.pipeline!, stage) },
    })
  await moveTo(back)
  // a decision committed while our write waited for the portal: its apply may have set the stage first
  const after = (await ports.approvals.get(memberId, approvalId))!
  const latest = after.version !== before.version ? expectedStage(after.state, item.pipeline!) : null
  if (latest) await moveTo(latest)
  if (actor)
    await notifyUser(
      ports,
      client,
      memberId,
      actor,
      approvalMessages.refusedMove(lang, { title: item.title, url: null }, why),
      `rc_approval_${approvalId}_refused_${actor}`,
    )
  await ports.audit.record({
    memberId,
    actor: actor ? `user:${actor}` : 'portal',
    source: 'event',
    action: 'approval.move-refused',
    entity: 'approval',
    entityId: String(approvalId),
    details: { stage: item.stage, why },
  })
  return { status: 'refused', detail: why }
}
