// Whose debt the penalty robot counts, for the debtor's opt-outs of no-accrual windows: the company
// or contact the robot runs on, or the counterparty of the receivable (or of the claim's invoices).
import type { DebtorRef } from '../../server/domain/penalties/index.ts'
import type { RobotRunInput } from '../kit/types.ts'

export async function debtorOfDocument(input: RobotRunInput): Promise<DebtorRef | null> {
  const d = input.document
  if (d.kind === 'company' || d.kind === 'contact') return { entityType: d.kind, entityId: d.id }
  if (d.kind !== 'dynamic') return null
  const state = await input.ctx.repos.installState.get(input.memberId)
  const db = input.ctx.database.db
  const q = db
    .selectFrom('receivables as r')
    .innerJoin('counterparties as c', 'c.id', 'r.counterparty_id')
    .select(['c.entity_type as entityType', 'c.entity_id as entityId'])
    .where('r.member_id', '=', input.memberId)
  let row: { entityType: 'company' | 'contact'; entityId: number } | undefined
  if (d.entityTypeId === state?.processes.receivables?.entityTypeId)
    row = await q.where('r.item_id', '=', d.id).executeTakeFirst()
  else if (d.entityTypeId === state?.processes.claims?.entityTypeId) {
    row = await q
      .innerJoin('dunning_receivables as d', (j) =>
        j.onRef('d.receivable_id', '=', 'r.id').onRef('d.member_id', '=', 'r.member_id'),
      )
      .where('d.claim_item_id', '=', d.id)
      .orderBy('r.id')
      .executeTakeFirst()
  }
  return row ? { entityType: row.entityType, entityId: Number(row.entityId) } : null
}
