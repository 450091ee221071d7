// Commits one transition of an approval (conditional on its version) and enqueues the keyed job
// that applies its events to the portal after the commit. No network inside the transaction.
import type { ApprovalEvent, ApprovalState, PipelineKey } from '../../domain/approvals/index.ts'
import type { ApprovalRecord } from '../../storage/repositories/approvals.ts'
import type { AuditEntry } from '../../storage/repositories/audit.ts'
import { jobKeys } from '../effect-keys.ts'
import type { ApprovalPorts } from './approval-ports.ts'

export const APPROVAL_APPLY_JOB = 'approval-apply'
export interface ApprovalApplyJob {
  memberId: string
  outboxId: number
}

export interface TransitionTarget {
  memberId: string
  entityTypeId: number
  itemId: number
  pipeline: PipelineKey
  previous: ApprovalRecord | null
}

export type Who = { actor: string; source: string }

/** Returns the new record, or null when another writer moved the approval first (re-read and retry). */
export async function commitTransition(
  ports: ApprovalPorts,
  t: TransitionTarget,
  state: ApprovalState,
  events: ApprovalEvent[],
  who: Who,
  action: string,
  details?: unknown,
): Promise<ApprovalRecord | null> {
  const audit: Omit<AuditEntry, 'memberId' | 'entity' | 'entityId'>[] = [
    {
      actor: who.actor,
      source: who.source,
      action,
      details: { round: state.round, events, ...(details === undefined ? {} : { details }) },
    },
  ]
  const out = await ports.approvals.commit({ ...t, expectedVersion: t.previous?.version ?? null }, state, events, audit)
  if (!out) return null
  await enqueueApply(ports, t.memberId, out.outboxId)
  return out.record
}

export async function enqueueApply(ports: ApprovalPorts, memberId: string, outboxId: number): Promise<void> {
  const data: ApprovalApplyJob = { memberId, outboxId }
  await ports.send(APPROVAL_APPLY_JOB, data, { key: jobKeys.approvalApply(memberId, outboxId), memberId })
}
