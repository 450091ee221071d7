// One debtor of the dunning channel tests on a sandbox portal: its Receivables item in the portal, and the
// counterparty with one receivable (issued 02.11.2026, due 02.12.2026, awaiting payment) in our database.
import type { Sandbox } from '../../../sandbox/index.ts'
import type { Db } from '../../../server/storage/database.ts'

export interface DebtorWorld {
  sb: Sandbox
  portalId: number
  memberId: string
  db: Db
  /** the Receivables smart process */
  entityTypeId: number
  managerId: number
}

export interface Debtor {
  name: string
  type: 'company' | 'contact'
  entityId: number
  invoice: string
  /** kopecks */
  sum: number
}

export async function seedDebtor(w: DebtorWorld, d: Debtor): Promise<{ itemId: number; counterpartyId: number }> {
  const party = d.type === 'company' ? 'companyId' : 'contactId'
  const added = await w.sb.admin.call<{ item: { id: number } }>(w.portalId, 'crm.item.add', {
    entityTypeId: w.entityTypeId,
    fields: { title: d.invoice, [party]: d.entityId, assignedById: w.managerId },
  })
  const itemId = added.result.item.id
  const cp = await w.db
    .insertInto('counterparties')
    .values({ member_id: w.memberId, entity_type: d.type, entity_id: d.entityId, name: d.name })
    .returning('id')
    .executeTakeFirstOrThrow()
  const counterpartyId = Number(cp.id)
  await w.db
    .insertInto('receivables')
    .values({
      member_id: w.memberId,
      counterparty_id: counterpartyId,
      item_id: itemId,
      invoice_number: d.invoice,
      invoice_date: '2026-11-02',
      due_date: '2026-12-02',
      effective_due_date: '2026-12-02',
      amount: d.sum,
      stage: 'AWAITING',
      responsible_id: w.managerId,
      created_by: 't',
      created_source: 't',
    })
    .execute()
  return { itemId, counterpartyId }
}
