// "Start approval" / "Restart" in our tab: reads the item and runs the same start as a save in the portal.
import { ApprovalError } from '../../domain/approvals/index.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import { approvalsProcessOf, portalClient } from './approval-ports.ts'
import { readApprovalItem } from './approval-item.ts'
import { startApproval, type StartOutcome } from './start-approval.ts'

export async function startApprovalFromTab(
  ports: ApprovalPorts,
  memberId: string,
  entityTypeId: number,
  itemId: number,
  userId: number,
): Promise<StartOutcome> {
  const process = await approvalsProcessOf(ports, memberId)
  if (!process || process.entityTypeId !== entityTypeId)
    throw new ApprovalError('approval.not-in-progress', 'This item is not a payment or contract approval request')
  const client = await portalClient(ports, memberId)
  const { item } = await client.call<{ item: Record<string, unknown> }>('crm.item.get', { entityTypeId, id: itemId })
  const previous = await ports.approvals.getByItem(memberId, entityTypeId, itemId)
  if (previous && previous.state.status !== 'rejected')
    throw new ApprovalError(
      'approval.not-in-progress',
      previous.state.status === 'done' ? 'The approval is already complete' : 'The approval is already running',
    )
  return startApproval(ports, client, memberId, process, readApprovalItem(process, item), previous, {
    actor: `user:${userId}`,
    source: 'ui',
  })
}
