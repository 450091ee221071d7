// Read models of the tabs: counterparty header, contracts with receivables, a page of receivables,
// one receivable in detail, ageing. The pure rules (status, colour, buckets) come from the domain.
import {
  ageDebts,
  daysOverdue,
  DEFAULT_STATUS_THRESHOLDS,
  summarizeCounterparty,
  type StatusThresholds,
} from '../../domain/receivables/index.ts'
import { loadStatusThresholds, statusOf } from './status-settings.ts'
import { receivablesQuery, type ListQuery, type ListRow } from '../../storage/repositories/receivables-query.ts'
import type { Counterparty, CounterpartyType } from '../../storage/repositories/counterparties.ts'
import type {
  AgeingDto,
  ContractHistoryDto,
  ContractsDto,
  CounterpartyDto,
  CounterpartySummaryDto,
  ReceivableDetailDto,
  ReceivableRowDto,
  ReceivablesPageDto,
} from '../../../contracts/receivables.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import { ledgerRepos } from './ledger-tx.ts'
import { namedActors } from './named-actors.ts'
import { contractStatusRepository } from '../../storage/repositories/contract-status.ts'
import { LedgerError } from './ledger-error.ts'
import { readLegalEntities } from '../admin/legal-entities.ts'
import { legalEntityAgeing } from '../reports/ageing-legal-entities.ts'
import { numberClashesOf } from './invoice-number-rule.ts'

export function toRowDto(
  r: ListRow,
  today: string,
  th: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): ReceivableRowDto {
  const late = daysOverdue(r.effectiveDueDate, today, r.remaining)
  return { ...r, daysOverdue: r.stage === 'FAIL' ? 0 : late, status: statusOf(r, today, th) }
}

const toCounterpartyDto = (c: Counterparty): CounterpartyDto => ({
  id: c.id,
  type: c.entityType,
  entityId: c.entityId,
  name: c.name,
  inn: c.inn,
})

export async function counterpartySummary(
  ports: ReceivablesPorts,
  memberId: string,
  type: CounterpartyType,
  entityId: number,
): Promise<CounterpartySummaryDto> {
  const { today } = await portalDay(ports, memberId)
  const cp = await ledgerRepos(ports.db).counterparties.find(memberId, type, entityId)
  const lines = cp ? await receivablesQuery(ports.db).debtLines(memberId, cp.id) : []
  const th = await loadStatusThresholds(ports, memberId)
  const statusCounts = { sent: 0, 'due-soon': 0, stuck: 0 }
  if (cp)
    for (const filter of ['sent', 'due-soon', 'stuck'] as const)
      statusCounts[filter] = (
        await receivablesQuery(ports.db).page(memberId, {
          counterpartyId: cp.id,
          filter,
          sort: 'invoiceDate',
          dir: 'asc',
          limit: 1,
          offset: 0,
          today,
          thresholds: th,
        })
      ).total
  return {
    counterparty: cp ? toCounterpartyDto(cp) : null,
    today,
    ...summarizeCounterparty(lines, today, th.dueSoonDays),
    statusCounts,
  }
}

export async function receivablesPage(
  ports: ReceivablesPorts,
  memberId: string,
  q: Omit<ListQuery, 'today' | 'counterpartyId'> & { counterparty?: { type: CounterpartyType; entityId: number } },
): Promise<ReceivablesPageDto & { today: string }> {
  const { today } = await portalDay(ports, memberId)
  let counterpartyId: number | undefined
  if (q.counterparty) {
    const cp = await ledgerRepos(ports.db).counterparties.find(memberId, q.counterparty.type, q.counterparty.entityId)
    if (!cp) return { rows: [], total: 0, page: q.offset / q.limit + 1, pageSize: q.limit, today }
    counterpartyId = cp.id
  }
  const th = await loadStatusThresholds(ports, memberId)
  const { rows, total } = await receivablesQuery(ports.db).page(memberId, {
    ...q,
    counterpartyId,
    today,
    thresholds: th,
  })
  const itemEntityTypeId = (await ports.installState(memberId))?.processes.receivables?.entityTypeId ?? null
  return {
    rows: rows.map((r) => toRowDto(r, today, th)),
    total,
    page: q.offset / q.limit + 1,
    pageSize: q.limit,
    today,
    itemEntityTypeId,
  }
}

export async function counterpartyContracts(
  ports: ReceivablesPorts,
  memberId: string,
  type: CounterpartyType,
  entityId: number,
): Promise<ContractsDto> {
  const repos = ledgerRepos(ports.db)
  const cp = await repos.counterparties.find(memberId, type, entityId)
  if (!cp) return { groups: [] }
  const { today } = await portalDay(ports, memberId)
  const query = receivablesQuery(ports.db)
  const th = await loadStatusThresholds(ports, memberId)
  const [contracts, totals] = await Promise.all([
    repos.contracts.listByCounterparty(memberId, cp.id),
    query.contractTotals(memberId, cp.id),
  ])
  const history = await namedActors(
    ports,
    memberId,
    await contractStatusRepository(ports.db).history(
      memberId,
      contracts.map((c) => c.id),
    ),
  )
  const groups: ContractsDto['groups'] = []
  for (const contract of [...contracts, null]) {
    const t = totals.find((x) => x.contractId === (contract?.id ?? null))
    if (!contract && !t) continue
    const { rows } = await query.page(memberId, {
      counterpartyId: cp.id,
      contractId: contract?.id ?? null,
      filter: 'all',
      sort: 'invoiceDate',
      dir: 'desc',
      limit: 100,
      offset: 0,
      today,
    })
    groups.push({
      contract: contract
        ? {
            id: contract.id,
            number: contract.number,
            contractDate: contract.contractDate,
            legalEntity: contract.legalEntity,
            paymentTermsDays: contract.paymentTermsDays,
            paymentTermsKind: contract.paymentTermsKind,
            penaltyTerms: (contract.penaltyTerms as Record<string, unknown> | null) ?? null,
            status: contract.status,
            oldestDays: contract.oldestDays,
            closedOn: contract.closedOn,
            closedReason: contract.closedReason,
            history: history
              .filter((h) => h.contractId === contract.id)
              .slice(0, 20)
              .map(({ contractId: _, ...h }) => h as ContractHistoryDto),
          }
        : null,
      totals: { amount: t?.amount ?? 0, paid: t?.paid ?? 0, remaining: t?.remaining ?? 0, count: t?.count ?? 0 },
      receivables: rows.map((r) => toRowDto(r, today, th)),
    })
  }
  return { groups }
}

export async function receivableRow(
  ports: ReceivablesPorts,
  memberId: string,
  id: number,
  today?: string,
): Promise<ReceivableRowDto> {
  const day = today ?? (await portalDay(ports, memberId)).today
  const { rows } = await receivablesQuery(ports.db).page(memberId, {
    id,
    filter: 'all',
    sort: 'invoiceDate',
    dir: 'asc',
    limit: 1,
    offset: 0,
    today: day,
  })
  const row = rows[0] ?? null
  if (!row) throw new LedgerError('not-found', 'receivable.not-found', `receivable ${id} not found`)
  return toRowDto(row, day, await loadStatusThresholds(ports, memberId))
}

export async function receivableDetail(
  ports: ReceivablesPorts,
  memberId: string,
  id: number,
): Promise<ReceivableDetailDto> {
  const repos = ledgerRepos(ports.db)
  const rec = await repos.receivables.get(memberId, id)
  if (!rec) throw new LedgerError('not-found', 'receivable.not-found', `receivable ${id} not found`)
  const { today } = await portalDay(ports, memberId)
  const [cp, payments, audit, row, clashes] = await Promise.all([
    repos.counterparties.get(memberId, rec.counterpartyId),
    repos.payments.listByReceivable(memberId, id),
    repos.audit.list(memberId, 'receivable', String(id)),
    receivableRow(ports, memberId, id, today),
    readLegalEntities(ports, memberId).then((ours) => numberClashesOf(ports.db, ours, rec)),
  ])
  return {
    today,
    receivable: row,
    counterparty: toCounterpartyDto(cp!),
    payments,
    totals: {
      total: rec.amount,
      paid: rec.paid,
      remaining: rec.remaining,
      advance: Math.max(rec.paid - rec.amount, 0),
      lastPayment:
        rec.lastPaymentOn && rec.lastPaymentAmount
          ? { paidOn: rec.lastPaymentOn, amount: rec.lastPaymentAmount }
          : null,
    },
    audit: audit.map((a) => ({
      id: Number(a.id),
      actor: a.actor,
      source: a.source,
      action: a.action,
      details: a.details,
      createdAt: new Date(a.created_at).toISOString(),
    })),
    numberClashes: clashes.map(({ legalEntity: _, ...c }) => c),
  }
}

/** Ageing of the portal (or one counterparty): the `top` counterparties with the most debt (all of them with Infinity), and by our legal entity. */
export async function ageingReport(
  ports: ReceivablesPorts,
  memberId: string,
  counterparty?: { type: CounterpartyType; entityId: number },
  top = 50,
): Promise<AgeingDto> {
  const { today } = await portalDay(ports, memberId)
  const cp = counterparty
    ? await ledgerRepos(ports.db).counterparties.find(memberId, counterparty.type, counterparty.entityId)
    : null
  const query = receivablesQuery(ports.db)
  const [debts, ours] = await Promise.all([
    counterparty && !cp ? [] : query.openDebts(memberId, cp?.id),
    readLegalEntities(ports, memberId),
  ])
  const { portal, byCounterparty, byLegalEntity } = ageDebts(debts, today)
  const ranked = [...byCounterparty.entries()]
    .sort((a, b) => b[1].total.amount - a[1].total.amount || a[0] - b[0])
    .slice(0, top)
  const names = new Map(
    (
      await query.counterpartiesByIds(
        memberId,
        ranked.map(([id]) => id),
      )
    ).map((c) => [Number(c.id), c]),
  )
  return {
    today,
    portal,
    counterparties: ranked.map(([id, ageing]) => {
      const c = names.get(id)!
      return { counterparty: { id, type: c.entity_type, entityId: c.entity_id, name: c.name, inn: c.inn }, ageing }
    }),
    legalEntities: legalEntityAgeing(byLegalEntity, ours),
  }
}
