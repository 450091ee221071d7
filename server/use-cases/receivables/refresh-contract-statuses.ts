// Keeps every contract's status from the money (active, overdue with the oldest days, claim, settled;
// closed stays until a person reopens it): a compare-and-set per contract records one history row per
// change, however many events, reconciles or retries compute it. The company card's field then holds
// the worst status of the company's contracts, written only when it differs from the last value written.
import { contractStatusOf, worstContractStatus, type ContractStatus } from '../../domain/contracts/index.ts'
import { contractStatusRepository } from '../../storage/repositories/contract-status.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'

export interface ContractStatusStats {
  contracts: number
  changed: number
  cardWrites: number
}

export async function refreshContractStatuses(
  ports: ReceivablesPorts,
  memberId: string,
  today: string,
  o: { counterpartyId?: number; client?: PortalClient | null } = {},
): Promise<ContractStatusStats> {
  const repo = contractStatusRepository(ports.db)
  const rows = await repo.inputs(memberId, o.counterpartyId)
  const stats: ContractStatusStats = { contracts: rows.length, changed: 0, cardWrites: 0 }
  const byCounterparty = new Map<number, ContractStatus[]>()
  for (const row of rows) {
    const v = contractStatusOf(row.invoices, row.closedOn, today)
    if (v.status !== row.status || v.oldestDays !== row.oldestDays) {
      const moved = await repo.apply(memberId, {
        contractId: row.id,
        from: row.status,
        to: v.status,
        oldestDays: v.oldestDays,
        onDate: today,
        actor: 'system',
      })
      if (moved && v.status !== row.status) stats.changed++
    }
    byCounterparty.set(row.counterpartyId, [...(byCounterparty.get(row.counterpartyId) ?? []), v.status])
  }
  const state = await ports.installState(memberId)
  const field = state?.companyFields?.contractStatus
  const client = o.client ?? (field && ports.clients ? await ports.clients.forPortal(memberId) : null)
  if (!field || !client) return stats
  for (const [counterpartyId, statuses] of byCounterparty) {
    const worst = worstContractStatus(statuses)
    const card = await repo.cardOf(memberId, counterpartyId)
    if (!card || card.entityType !== 'company' || card.written === worst) continue
    const optionId = worst ? field.options?.[worst] : undefined
    if (worst && optionId === undefined) continue // the option is missing until the install reconciles again
    try {
      // setting a field to a value is idempotent: a retry writes the same value
      await client.call('crm.company.update', {
        id: card.entityId,
        fields: { [field.upperName]: optionId ?? '' },
      })
      await repo.setCardWritten(memberId, counterpartyId, worst)
      stats.cardWrites++
    } catch (e) {
      ports.log.warn({ memberId, counterpartyId, err: (e as Error).message }, 'contract-status.card-write-failed')
    }
  }
  return stats
}
