// What a reviewer does with a line of the review list: send it (its reminder job is enqueued with the
// line's id; the job's effect keys send each channel once), skip it (its steps are logged as skipped),
// send all. A line is decided once (compare-and-set); a second decision is a clear 409.
import { DunningError } from '../../domain/dunning/index.ts'
import { jobKeys } from '../effect-keys.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import type { ReviewLine } from '../../storage/repositories/dunning-review.ts'
import type { DunningReviewSendAllDto } from '../../../contracts/dunning-review.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { liveEntries, type Planning, type ReviewMessage } from './review-entries.ts'
import { DUNNING_REMIND_JOB, type RemindJobData } from './run-dunning-scan.ts'
import { sendWindowOn } from '../../domain/dunning/index.ts'

export type Line = ReviewLine<ReviewMessage>
export interface Reviewer {
  memberId: string
  userId: number
}

/** The pending line of today, or a clear error (unknown id 404; sent, skipped or of another day 409). */
export async function pendingLine(ports: DunningPorts, memberId: string, id: number): Promise<Line> {
  const line = await ports.review.get<ReviewMessage>(memberId, id)
  if (!line) throw new DunningError('dunning.review-not-found', `review line ${id} not found`, { id })
  const { today } = await portalDay(ports, memberId)
  if (line.status !== 'pending' || line.day !== today)
    throw new DunningError('dunning.review-decided', `review line ${id} is ${line.status} already`, {
      id,
      status: line.day !== today && line.status === 'pending' ? 'expired' : line.status,
    })
  return line
}

export async function planningOf(ports: DunningPorts, memberId: string, counterpartyId: number): Promise<Planning> {
  const { calendar, today } = await portalDay(ports, memberId)
  const rules = await loadDunningRules(ports, memberId)
  const rows = await ports.repo.open(memberId, { counterpartyId })
  const logs = await ports.repo.log(
    memberId,
    rows.map((r) => r.receivableId),
  )
  return { rows, logs, rules, calendar, today }
}

/** Lets a line go: dropped when none of its invoices may go out any more, else its reminder job. */
export async function approveLine(
  ports: DunningPorts,
  memberId: string,
  line: Line,
  actor: string,
): Promise<'sent' | 'dropped' | 'decided'> {
  const live = liveEntries(await planningOf(ports, memberId, line.counterpartyId), line.message.entries)
  if (!live.length) return (await ports.review.decide(memberId, line.id, 'dropped', 'system')) ? 'dropped' : 'decided'
  if (!(await ports.review.decide(memberId, line.id, 'approved', actor))) return 'decided'
  const data: RemindJobData = {
    memberId,
    counterpartyId: line.counterpartyId,
    day: line.day,
    entries: live.map((e) => ({ receivableId: e.receivableId, stepKey: e.stepKey })),
    reviewId: line.id,
  }
  // not before the debtor's send window opens; a reviewed line is not held back by its closing
  const opens = sendWindowOn(line.day, line.message.window, line.message.timezone).fromMs
  await ports.send(DUNNING_REMIND_JOB, data, {
    key: jobKeys.dunningRemind(memberId, line.counterpartyId, line.day),
    memberId,
    ...(opens > ports.now().getTime() ? { startAfter: opens } : {}),
  })
  await ports.audit.record({
    memberId,
    actor,
    source: actor.startsWith('user:') ? 'ui' : 'job',
    action: 'dunning.review-sent',
    entity: 'counterparty',
    entityId: String(line.counterpartyId),
    details: { reviewId: line.id, entries: data.entries, subject: line.message.subject },
  })
  return 'sent'
}

export async function sendReviewLine(ports: DunningPorts, a: Reviewer, id: number) {
  const line = await pendingLine(ports, a.memberId, id)
  const r = await approveLine(ports, a.memberId, line, `user:${a.userId}`)
  if (r === 'dropped')
    throw new DunningError('dunning.review-dropped', 'the invoices of this line are paid or paused: it left the list', {
      id,
    })
  if (r === 'decided')
    throw new DunningError('dunning.review-decided', `review line ${id} is decided already`, { id, status: 'approved' })
  return { id, status: 'approved' as const }
}

export async function skipReviewLine(ports: DunningPorts, a: Reviewer, id: number) {
  const line = await pendingLine(ports, a.memberId, id)
  if (!(await ports.review.decide(a.memberId, id, 'skipped', `user:${a.userId}`)))
    throw new DunningError('dunning.review-decided', `review line ${id} is decided already`, { id, status: 'skipped' })
  // the steps count as skipped, so tomorrow's scan does not bring the same reminder back
  for (const e of line.message.entries)
    await ports.repo.logStep(a.memberId, {
      receivableId: e.receivableId,
      stepKey: e.stepKey,
      kind: 'reminder',
      status: 'skipped',
      onDate: line.day,
      detail: { reason: 'review-skipped' },
      actor: `user:${a.userId}`,
    })
  await ports.audit.record({
    memberId: a.memberId,
    actor: `user:${a.userId}`,
    source: 'ui',
    action: 'dunning.review-skipped',
    entity: 'counterparty',
    entityId: String(line.counterpartyId),
    details: { reviewId: id, entries: line.message.entries.map((e) => e.stepKey) },
  })
  return { id, status: 'skipped' as const }
}

/** Every line of today that is still pending; lines decided meanwhile are left as they are. */
export async function sendAllReviewLines(ports: DunningPorts, a: Reviewer): Promise<DunningReviewSendAllDto> {
  const { today } = await portalDay(ports, a.memberId)
  const out = { sent: 0, dropped: 0 }
  for (const line of await ports.review.pending<ReviewMessage>(a.memberId, today)) {
    const r = await approveLine(ports, a.memberId, line, `user:${a.userId}`)
    if (r !== 'decided') out[r] += 1
  }
  return out
}
