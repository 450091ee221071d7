// After a ledger change commits: one keyed job mirrors that ledger state to the portal.
import { jobKeys } from '../effect-keys.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'

export const RECEIVABLE_MIRROR_JOB = 'receivable-mirror'

export type MirrorTrigger = 'money' | 'due-passed' | 'refresh'

export interface MirrorJobData {
  memberId: string
  receivableId: number
  trigger: MirrorTrigger
  /** The payment that caused it (notifies the responsible manager once). */
  paymentId?: number | null
}

export async function enqueueMirror(
  ports: ReceivablesPorts,
  d: MirrorJobData,
  version: number,
  slot = '',
): Promise<void> {
  const key = jobKeys.receivableMirror(d.memberId, d.receivableId, version, slot ? `${d.trigger}-${slot}` : d.trigger)
  await ports.send(RECEIVABLE_MIRROR_JOB, d, { key, memberId: d.memberId })
}
