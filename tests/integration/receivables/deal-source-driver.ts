// Deals and smart invoices as the source of receivables, on the sandbox portal: the receivables driver plus
// the source setting, a counterparty with its contract in the ledger, deals / smart invoices made and moved in
// the portal, and readers of what came out (the source link, the receivable, the deal's timeline).
import { sql } from 'kysely'
import { useReceivablesSandbox } from './sandbox-driver.ts'
import { handleSourceEvent, reconcileSources } from '../../../server/use-cases/receivables/reconcile-sources.ts'
import { SOURCE_SETTING } from '../../../server/use-cases/receivables/source-settings.ts'
import { counterpartiesRepository } from '../../../server/storage/repositories/counterparties.ts'
import { contractsRepository, type PaymentTermsKind } from '../../../server/storage/repositories/contracts.ts'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'

type Row = Record<string, unknown>

export function useDealSource() {
  const d = useReceivablesSandbox()
  const call = async <T>(method: string, params: Row, o: { events?: boolean } = { events: false }) =>
    (await d.w.sb.admin.call<T>(d.w.portalId, method, params, { userId: d.w.managerId, ...o })).result
  const db = () => d.w.ctx.database.db
  return Object.assign(d, {
    call,
    async setSource(source: 'off' | 'deals' | 'invoices', stages: Record<string, string>): Promise<void> {
      await d.w.ctx.repos.settings.set(d.w.memberId, SOURCE_SETTING, { source, stages }, 'test')
      await d.w.ctx.repos.settings.set(d.w.memberId, 'receivables.source-cursor', null, 'test')
    },
    /** A company of the portal with a counterparty and a contract in the ledger. */
    async companyWithContract(
      title: string,
      contract: { number: string; days: number | null; kind?: PaymentTermsKind },
    ): Promise<number> {
      const companyId = d.w.sb.admin.seedCompany(d.w.portalId, { TITLE: title })
      const cp = await counterpartiesRepository(db()).upsert(d.w.memberId, {
        entityType: 'company',
        entityId: companyId,
        name: title,
      })
      await contractsRepository(db()).ensure(
        d.w.memberId,
        cp.id,
        { number: contract.number, paymentTermsDays: contract.days, paymentTermsKind: contract.kind ?? 'calendar' },
        'test',
      )
      return companyId
    },
    async newItem(entityTypeId: number, fields: Row): Promise<number> {
      return (await call<{ item: { id: number } }>('crm.item.add', { entityTypeId, fields })).item.id
    },
    async moveItem(entityTypeId: number, id: number, fields: Row, events = false): Promise<void> {
      await call('crm.item.update', { entityTypeId, id, fields }, { events })
    },
    handle: (entityTypeId: number, id: number) => handleSourceEvent(d.ports(), d.w.memberId, entityTypeId, id),
    reconcileSources: () => reconcileSources(d.ports(), d.w.memberId),
    /** The receivables made from one source object (the link table joined to the ledger). */
    async receivablesOf(entityTypeId: number, id: number) {
      const rows = await sql<{ receivable_id: string }>`SELECT receivable_id FROM source_receivables
        WHERE member_id = ${d.w.memberId} AND source_type = ${entityTypeId} AND source_id = ${id}`.execute(db())
      const repo = receivablesRepository(db())
      return Promise.all(rows.rows.map(async (r) => (await repo.get(d.w.memberId, Number(r.receivable_id)))!))
    },
    async receivableCount(): Promise<number> {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM receivables
        WHERE member_id = ${d.w.memberId}`.execute(db())
      return r.rows[0].n
    },
    dealComments: (dealId: number): Row[] => d.commentsOn('deal', dealId),
  })
}
