// Counterparties of a portal: a CRM company or contact we have receivables with.
import type { Db } from '../database.ts'

export type CounterpartyType = 'company' | 'contact'

export interface Counterparty {
  id: number
  memberId: string
  entityType: CounterpartyType
  entityId: number
  name: string
  inn: string | null
  kpp: string | null
  email: string | null
}

export interface CounterpartyInput {
  entityType: CounterpartyType
  entityId: number
  name?: string | null
  inn?: string | null
  kpp?: string | null
  email?: string | null
}

type Row = {
  id: number
  member_id: string
  entity_type: CounterpartyType
  entity_id: number
  name: string
  inn: string | null
  kpp: string | null
  email: string | null
}
const toCounterparty = (r: Row): Counterparty => ({
  id: Number(r.id),
  memberId: r.member_id,
  entityType: r.entity_type,
  entityId: r.entity_id,
  name: r.name,
  inn: r.inn,
  kpp: r.kpp,
  email: r.email,
})

export function counterpartiesRepository(db: Db) {
  return {
    /** Creates the counterparty or refreshes the details given (absent details are kept). */
    async upsert(memberId: string, c: CounterpartyInput): Promise<Counterparty> {
      const details = {
        ...(c.name ? { name: c.name } : {}),
        ...(c.inn ? { inn: c.inn } : {}),
        ...(c.kpp ? { kpp: c.kpp } : {}),
        ...(c.email ? { email: c.email } : {}),
      }
      const row = await db
        .insertInto('counterparties')
        .values({
          member_id: memberId,
          entity_type: c.entityType,
          entity_id: c.entityId,
          inn: null,
          kpp: null,
          email: null,
          ...details,
        })
        .onConflict((oc) =>
          oc.columns(['member_id', 'entity_type', 'entity_id']).doUpdateSet({ ...details, updated_at: new Date() }),
        )
        .returningAll()
        .executeTakeFirstOrThrow()
      return toCounterparty(row as Row)
    },
    async find(memberId: string, entityType: CounterpartyType, entityId: number): Promise<Counterparty | null> {
      const r = await db
        .selectFrom('counterparties')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .executeTakeFirst()
      return r ? toCounterparty(r as Row) : null
    },
    async get(memberId: string, id: number): Promise<Counterparty | null> {
      const r = await db
        .selectFrom('counterparties')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? toCounterparty(r as Row) : null
    },
  }
}
