// Contract statuses: what the status is computed from (each contract's invoices, the claim cases open
// on them), the compare-and-set that records one history row per change, closing by a person, and the
// value last written to the company card.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { inTransaction } from '../transaction.ts'
import { day, dayOrNull } from './ledger-sql.ts'

type Status = 'active' | 'overdue' | 'claim' | 'settled' | 'closed'

export interface ContractStatusRow {
  id: number
  counterpartyId: number
  number: string
  contractDate: string | null
  status: Status
  oldestDays: number
  closedOn: string | null
  closedReason: string | null
  invoices: { remaining: number; effectiveDueDate: string; writtenOff: boolean; inClaim: boolean }[]
}

export interface StatusChange {
  contractId: number
  from: Status
  to: Status
  oldestDays: number
  onDate: string
  actor: string
  reason?: string | null
}

export interface HistoryRow {
  contractId: number
  from: string
  to: string
  oldestDays: number
  onDate: string
  actor: string
  reason: string | null
}

/** A claim case counts as open until its item reaches a final stage (Recovered or Failed). */
const OPEN_CLAIM = sql<boolean>`EXISTS (SELECT 1 FROM dunning_receivables d LEFT JOIN claim_cases c
  ON c.member_id = d.member_id AND c.item_id = d.claim_item_id
  WHERE d.member_id = r.member_id AND d.receivable_id = r.id AND d.claim_item_id IS NOT NULL
  AND COALESCE(c.stage, '') NOT IN ('SUCCESS', 'FAIL'))`

export function contractStatusRepository(db: Db) {
  return {
    /** Every contract of the portal (or of one counterparty) with its invoices. */
    async inputs(memberId: string, counterpartyId?: number): Promise<ContractStatusRow[]> {
      let q = db
        .selectFrom('contracts as k')
        .select([
          'k.id',
          'k.counterparty_id',
          'k.number',
          'k.status',
          'k.oldest_days',
          'k.closed_reason',
          dayOrNull('k.contract_date').as('contract_date'),
          dayOrNull('k.closed_on').as('closed_on'),
        ])
        .where('k.member_id', '=', memberId)
      if (counterpartyId !== undefined) q = q.where('k.counterparty_id', '=', counterpartyId)
      const contracts = await q.orderBy('k.id').execute()
      if (!contracts.length) return []
      const invoices = await db
        .selectFrom('receivables as r')
        .select([
          'r.contract_id',
          'r.remaining',
          'r.stage',
          day('r.effective_due_date').as('due'),
          OPEN_CLAIM.as('in_claim'),
        ])
        .where('r.member_id', '=', memberId)
        .where(
          'r.contract_id',
          'in',
          contracts.map((c) => c.id),
        )
        .execute()
      const byContract = new Map<number, ContractStatusRow['invoices']>()
      for (const i of invoices) {
        const list = byContract.get(Number(i.contract_id)) ?? []
        list.push({
          remaining: Number(i.remaining),
          effectiveDueDate: i.due,
          writtenOff: i.stage === 'FAIL',
          inClaim: Boolean(i.in_claim),
        })
        byContract.set(Number(i.contract_id), list)
      }
      return contracts.map((c) => ({
        id: Number(c.id),
        counterpartyId: Number(c.counterparty_id),
        number: c.number,
        contractDate: c.contract_date,
        status: c.status as Status,
        oldestDays: c.oldest_days,
        closedOn: c.closed_on,
        closedReason: c.closed_reason,
        invoices: byContract.get(Number(c.id)) ?? [],
      }))
    },
    /**
     * Moves the contract from `from` to `to` only if it is still in `from` (a concurrent or retried
     * refresh finds it moved and records nothing); a change of status writes one history row.
     * Returns whether this call made the change.
     */
    async apply(
      memberId: string,
      c: StatusChange,
      close?: { closedOn: string | null; reason: string | null; by: string | null },
    ) {
      return inTransaction(db, async (trx) => {
        const r = await trx
          .updateTable('contracts')
          .set({
            status: c.to,
            oldest_days: c.oldestDays,
            ...(close ? { closed_on: close.closedOn, closed_reason: close.reason, closed_by: close.by } : {}),
          })
          .where('member_id', '=', memberId)
          .where('id', '=', c.contractId)
          .where('status', '=', c.from)
          .executeTakeFirst()
        if (Number(r.numUpdatedRows) !== 1) return false
        if (c.from !== c.to)
          await trx
            .insertInto('contract_status_history')
            .values({
              member_id: memberId,
              contract_id: c.contractId,
              from_status: c.from,
              to_status: c.to,
              oldest_days: c.oldestDays,
              on_date: c.onDate,
              actor: c.actor,
              reason: c.reason ?? null,
            })
            .execute()
        return true
      })
    },
    async history(memberId: string, contractIds: readonly number[]): Promise<HistoryRow[]> {
      if (!contractIds.length) return []
      const rows = await db
        .selectFrom('contract_status_history')
        .select(['contract_id', 'from_status', 'to_status', 'oldest_days', 'actor', 'reason', day('on_date').as('d')])
        .where('member_id', '=', memberId)
        .where('contract_id', 'in', [...contractIds])
        .orderBy('id', 'desc')
        .execute()
      return rows.map((r) => ({
        contractId: Number(r.contract_id),
        from: r.from_status,
        to: r.to_status,
        oldestDays: r.oldest_days,
        onDate: r.d,
        actor: r.actor,
        reason: r.reason,
      }))
    },
    /** The counterparty's company and the status last written to its card. */
    async cardOf(memberId: string, counterpartyId: number) {
      const r = await db
        .selectFrom('counterparties')
        .select(['entity_type', 'entity_id', 'card_contract_status'])
        .where('member_id', '=', memberId)
        .where('id', '=', counterpartyId)
        .executeTakeFirst()
      return r ? { entityType: r.entity_type, entityId: r.entity_id, written: r.card_contract_status } : null
    },
    async setCardWritten(memberId: string, counterpartyId: number, status: string | null) {
      await db
        .updateTable('counterparties')
        .set({ card_contract_status: status })
        .where('member_id', '=', memberId)
        .where('id', '=', counterpartyId)
        .execute()
    },
  }
}
