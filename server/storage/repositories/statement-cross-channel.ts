// The statement side of the cross-channel check: the new incoming lines of an import that may repeat
// a payment already received through the API (same payer INN, amount and number digits, dates within
// the window; the domain compares the numbers exactly and pairs them) in ONE query per import, and the marking of the
// chosen ones as dismissed duplicates pointing at their API line, in chunks.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { inTransaction } from '../transaction.ts'

/** A line of one channel that may be the same payment as a line of the other. */
export interface ChannelCandidate {
  id: number
  docNumber: string
  valueDate: string | null
  amount: number
  payerInn: string | null
}

/** The number's digits without leading zeros: equal for any two numbers the domain calls the same (the index of migration 015 is on it). */
const DIGITS = (alias: string) => sql.raw(`ltrim(regexp_replace(${alias}.doc_number, '[^0-9]', '', 'g'), '0')`)

type PairRow = {
  line_id: string | number
  line_number: string
  line_date: string
  amount: string | number
  payer_inn: string
  api_id: string | number
  api_number: string
  api_date: string
}

export function crossChannelQueries(db: Db) {
  return {
    /** Pending incoming lines of the import with the API lines they may repeat (API lines already repeated by a statement line are left out). */
    async apiLinesForImport(
      memberId: string,
      importId: number,
      days: number,
    ): Promise<{ line: ChannelCandidate; api: ChannelCandidate }[]> {
      const r = await sql<PairRow>`
        SELECT s.id AS line_id, s.doc_number AS line_number, to_char(s.value_date, 'YYYY-MM-DD') AS line_date, s.amount, s.payer_inn,
               a.id AS api_id, a.doc_number AS api_number, to_char(a.value_date, 'YYYY-MM-DD') AS api_date
        FROM statement_lines s
        JOIN statement_lines a ON a.member_id = s.member_id AND a.payer_inn = s.payer_inn AND a.amount = s.amount AND ${DIGITS('a')} = ${DIGITS('s')}
          AND a.value_date BETWEEN s.value_date - ${days}::int AND s.value_date + ${days}::int
        JOIN statement_imports i ON i.id = a.import_id AND i.format = 'api'
        WHERE s.member_id = ${memberId} AND s.import_id = ${importId} AND s.direction = 'incoming' AND s.status = 'pending'
          AND s.payer_inn IS NOT NULL AND s.value_date IS NOT NULL AND btrim(s.doc_number) <> '' AND a.direction = 'incoming'
          AND NOT EXISTS (SELECT 1 FROM statement_lines d WHERE d.duplicate_of = a.id)`.execute(db)
      return r.rows.map((x) => ({
        line: {
          id: Number(x.line_id),
          docNumber: x.line_number,
          valueDate: x.line_date,
          amount: Number(x.amount),
          payerInn: x.payer_inn,
        },
        api: {
          id: Number(x.api_id),
          docNumber: x.api_number,
          valueDate: x.api_date,
          amount: Number(x.amount),
          payerInn: x.payer_inn,
        },
      }))
    },
    /** Marks the lines as dismissed duplicates of their API lines (reason code given) and moves them from the import's incoming to its duplicates. */
    async markApiDuplicates(
      memberId: string,
      importId: number,
      pairs: ReadonlyMap<number, number>,
      reason: string,
    ): Promise<number> {
      if (pairs.size === 0) return 0
      const all = [...pairs]
      return inTransaction(db, async (tx) => {
        let n = 0
        for (let k = 0; k < all.length; k += 500) {
          const values = sql.join(all.slice(k, k + 500).map(([line, api]) => sql`(${line}::bigint, ${api}::bigint)`))
          const r = await sql<{ id: number }>`
            UPDATE statement_lines t SET status = 'dismissed', rule = ${reason}, reason = ${reason}, duplicate_of = v.api, resolved_by = 'statement:auto', resolved_at = now()
            FROM (VALUES ${values}) AS v(line, api)
            WHERE t.id = v.line AND t.member_id = ${memberId} AND t.import_id = ${importId} AND t.status = 'pending'
            RETURNING t.id`.execute(tx)
          n += r.rows.length
        }
        await tx
          .updateTable('statement_imports')
          .set((eb) => ({ incoming: eb('incoming', '-', n), duplicates: eb('duplicates', '+', n) }))
          .where('member_id', '=', memberId)
          .where('id', '=', importId)
          .execute()
        return n
      })
    },
  }
}
