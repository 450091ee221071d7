// What the invoices of a debt-recovery case add up to and how much of them is paid (overpayments
// beyond an invoice's amount are not counted: they are the counterparty's advance).
import { sql } from 'kysely'
import type { Db } from '../../storage/database.ts'

export async function recoveryDebt(
  db: Db,
  memberId: string,
  claimItemId: number,
): Promise<{ total: number; paid: number }> {
  const r = await sql<{
    total: string | number | null
    paid: string | number | null
  }>`SELECT sum(r.amount) AS total, sum(least(r.paid, r.amount)) AS paid
    FROM dunning_receivables d JOIN receivables r ON r.id = d.receivable_id AND r.member_id = d.member_id
    WHERE d.member_id = ${memberId} AND d.claim_item_id = ${claimItemId}`.execute(db)
  return { total: Number(r.rows[0]?.total ?? 0), paid: Number(r.rows[0]?.paid ?? 0) }
}
