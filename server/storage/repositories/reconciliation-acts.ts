// Generated reconciliation acts: both files and what they cover, numbered from the table's sequence
// (the id is reserved before rendering, so the number printed in the act is the stored one).
import { sql } from 'kysely'
import type { Db } from '../database.ts'

export interface NewReconciliationAct {
  id: number
  counterpartyId: number
  contractId: number | null
  from: string
  to: string
  entityInn: string
  year: number
  number: string
  opening: number
  closing: number
  fileBase: string
  pdf: Uint8Array
  xlsx: Uint8Array
  by: string
}

export type ActFileKind = 'pdf' | 'xlsx'

export function reconciliationActsRepository(db: Db) {
  return {
    async reserveId(): Promise<number> {
      const r = await sql<{
        id: string | number
      }>`SELECT nextval(pg_get_serial_sequence('reconciliation_acts', 'id')) AS id`.execute(db)
      return Number(r.rows[0]!.id)
    },
    async add(memberId: string, a: NewReconciliationAct): Promise<void> {
      await db
        .insertInto('reconciliation_acts')
        .values({
          id: a.id,
          member_id: memberId,
          counterparty_id: a.counterpartyId,
          contract_id: a.contractId,
          period_from: a.from,
          period_to: a.to,
          entity_inn: a.entityInn,
          year: a.year,
          number: a.number,
          opening: a.opening,
          closing: a.closing,
          file_base: a.fileBase,
          pdf: a.pdf,
          xlsx: a.xlsx,
          generated_by: a.by,
        })
        .execute()
    },
    async file(
      memberId: string,
      id: number,
      kind: ActFileKind,
    ): Promise<{ fileName: string; data: Uint8Array } | null> {
      const r = await db
        .selectFrom('reconciliation_acts')
        .select(['file_base', kind === 'pdf' ? 'pdf as data' : 'xlsx as data'])
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? { fileName: `${r.file_base}.${kind}`, data: r.data } : null
    },
  }
}
