// The approver takes the request into work (from our tab): the "taken" SLA ladder stops.
import { takeIntoWork } from '../../domain/approvals/index.ts'
import type { ApprovalRecord } from '../../storage/repositories/approvals.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { approvalCalendar } from './approval-settings.ts'
import { commitTransition } from './approval-transition.ts'

export async function takeApproval(
  ports: ApprovalPorts,
  memberId: string,
  approvalId: number,
  userId: number,
  source: string,
): Promise<ApprovalRecord | null> {
  const { calendar } = await approvalCalendar(ports, memberId)
  for (let attempt = 0; attempt < 3; attempt++) {
    const record = await ports.approvals.get(memberId, approvalId)
    if (!record) return null
    const t = takeIntoWork(record.state, userId, { cal: calendar, now: ports.now().toISOString() })
    if (t.state === record.state) return record
    const next = await commitTransition(
      ports,
      { ...record, previous: record },
      t.state,
      t.events,
      { actor: `user:${userId}`, source },
      'approval.taken',
    )
    if (next) return next
  }
  return ports.approvals.get(memberId, approvalId)
}
