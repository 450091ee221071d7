// Contracts with a counterparty: number, date, our legal entity, payment and penalty terms.
import type { Db } from '../database.ts'
import { dayOrNull } from './ledger-sql.ts'

export interface Contract {
  id: number
  counterpartyId: number
  number: string
  contractDate: string | null
  legalEntity: string | null
  paymentTermsDays: number | null
  /** migration 170: the terms count calendar days or working days of the production calendar */
  paymentTermsKind: PaymentTermsKind
  penaltyTerms: unknown
  /** migration 060: kept by the app from the money (refresh-contract-statuses.ts) */
  status: 'active' | 'overdue' | 'claim' | 'settled' | 'closed'
  oldestDays: number
  closedOn: string | null
  closedReason: string | null
}

export interface ContractInput {
  number: string
  contractDate?: string | null
  legalEntity?: string | null
  paymentTermsDays?: number | null
  paymentTermsKind?: PaymentTermsKind
  penaltyTerms?: unknown
}

export type PaymentTermsKind = 'calendar' | 'working'

const columns = [
  'id',
  'counterparty_id',
  'number',
  'legal_entity',
  'payment_terms_days',
  'payment_terms_kind',
  'penalty_terms',
  'status',
  'oldest_days',
  'closed_reason',
] as const

export function contractsRepository(db: Db) {
  const select = (memberId: string) =>
    db
      .selectFrom('contracts')
      .select([...columns, dayOrNull('contract_date').as('contract_date'), dayOrNull('closed_on').as('closed_on')])
      .where('member_id', '=', memberId)
  const toContract = (r: Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>): Contract => ({
    id: Number(r.id),
    counterpartyId: Number(r.counterparty_id),
    number: r.number,
    contractDate: r.contract_date,
    legalEntity: r.legal_entity,
    paymentTermsDays: r.payment_terms_days,
    paymentTermsKind: r.payment_terms_kind,
    penaltyTerms: r.penalty_terms ?? null,
    status: r.status,
    oldestDays: r.oldest_days,
    closedOn: r.closed_on,
    closedReason: r.closed_reason,
  })
  return {
    /** Finds the contract by number for the counterparty, creating it on first use. */
    async ensure(memberId: string, counterpartyId: number, c: ContractInput, actor: string): Promise<Contract> {
      await db
        .insertInto('contracts')
        .values({
          member_id: memberId,
          counterparty_id: counterpartyId,
          number: c.number,
          contract_date: c.contractDate ?? null,
          legal_entity: c.legalEntity ?? null,
          payment_terms_days: c.paymentTermsDays ?? null,
          payment_terms_kind: c.paymentTermsKind ?? 'calendar',
          penalty_terms: c.penaltyTerms === undefined ? null : JSON.stringify(c.penaltyTerms),
          created_by: actor,
        })
        .onConflict((oc) => oc.columns(['member_id', 'counterparty_id', 'number']).doNothing())
        .execute()
      const r = await select(memberId)
        .where('counterparty_id', '=', counterpartyId)
        .where('number', '=', c.number)
        .executeTakeFirstOrThrow()
      return toContract(r)
    },
    /** The contract (number and penalty terms) of each receivable that has one: receivable id -> contract. */
    async ofReceivables(
      memberId: string,
      receivableIds: readonly number[],
    ): Promise<Map<number, Pick<Contract, 'id' | 'number' | 'contractDate' | 'penaltyTerms'>>> {
      if (!receivableIds.length) return new Map()
      const rows = await db
        .selectFrom('receivables as r')
        .innerJoin('contracts as k', 'k.id', 'r.contract_id')
        .select([
          'r.id as receivableId',
          'k.id as id',
          'k.number as number',
          'k.penalty_terms as penaltyTerms',
          dayOrNull('k.contract_date').as('contractDate'),
        ])
        .where('r.member_id', '=', memberId)
        .where('k.member_id', '=', memberId)
        .where('r.id', 'in', [...receivableIds])
        .execute()
      return new Map(
        rows.map((r) => [
          Number(r.receivableId),
          { id: Number(r.id), number: r.number, contractDate: r.contractDate, penaltyTerms: r.penaltyTerms ?? null },
        ]),
      )
    },
    async listByCounterparty(memberId: string, counterpartyId: number): Promise<Contract[]> {
      return (await select(memberId).where('counterparty_id', '=', counterpartyId).orderBy('id').execute()).map(
        toContract,
      )
    },
  }
}
