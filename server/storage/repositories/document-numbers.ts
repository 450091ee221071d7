// The numbers of the documents the app makes (migration 140): one series per kind, our legal entity
// (INN) and year, each number given once. The series row is locked while a number is taken, so
// requests at once queue on it and get consecutive numbers; the document's key is looked up under that
// lock, so a retry or a regeneration of the same document gets its number back instead of a new one.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { inTransaction } from '../transaction.ts'

interface DocumentNumberRequest {
  /** the kind of document: 'reconciliation-act', 'claim-letter', 'claim-statement' */
  kind: string
  /** what makes two requests the same document (the act's counterparty and period, the letter's claim and date) */
  docKey: string
  entityInn: string
  /** the calendar year in the portal's timezone of the day the number is first given */
  year: number
  /** the printed number of the n-th document of the series */
  format: (year: number, seq: number) => string
}

interface DocumentNumber {
  number: string
  year: number
  seq: number
  /** false when the document already had this number */
  fresh: boolean
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505'

export function documentNumbersRepository(db: Db) {
  const existing = async (memberId: string, kind: string, docKey: string, trx: Db = db) => {
    const r = await trx
      .selectFrom('document_numbers')
      .select(['number', 'year', 'seq'])
      .where('member_id', '=', memberId)
      .where('kind', '=', kind)
      .where('doc_key', '=', docKey)
      .executeTakeFirst()
    return r ? { number: r.number, year: Number(r.year), seq: Number(r.seq), fresh: false } : null
  }
  const take = (memberId: string, q: DocumentNumberRequest) =>
    inTransaction(db, async (trx) => {
      const series = { member_id: memberId, kind: q.kind, entity_inn: q.entityInn, year: q.year }
      await trx
        .insertInto('document_number_seqs')
        .values(series)
        .onConflict((c) => c.doNothing())
        .execute()
      const { last_seq } = await trx
        .selectFrom('document_number_seqs')
        .select('last_seq')
        .where('member_id', '=', memberId)
        .where('kind', '=', q.kind)
        .where('entity_inn', '=', q.entityInn)
        .where('year', '=', q.year)
        .forUpdate()
        .executeTakeFirstOrThrow()
      // read after the lock: a request for the same document that got here first has committed by now
      const had = await existing(memberId, q.kind, q.docKey, trx)
      if (had) return had
      const seq = Number(last_seq) + 1
      const number = q.format(q.year, seq)
      await trx
        .updateTable('document_number_seqs')
        .set({ last_seq: seq })
        .where('member_id', '=', memberId)
        .where('kind', '=', q.kind)
        .where('entity_inn', '=', q.entityInn)
        .where('year', '=', q.year)
        .execute()
      await trx
        .insertInto('document_numbers')
        .values({ ...series, doc_key: q.docKey, seq, number })
        .execute()
      return { number, year: q.year, seq, fresh: true }
    })
  return {
    /** The document's number: the one it already has, else the next of its series. */
    async assign(memberId: string, q: DocumentNumberRequest): Promise<DocumentNumber> {
      const had = await existing(memberId, q.kind, q.docKey)
      if (had) return had
      try {
        return await take(memberId, q)
      } catch (e) {
        // the same document numbered meanwhile in another series (another year or entity): that number stands
        if (!isUniqueViolation(e)) throw e
        const won = await existing(memberId, q.kind, q.docKey)
        if (won) return won
        throw e
      }
    },
    async count(memberId: string, kind: string): Promise<number> {
      const r = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM document_numbers WHERE member_id = ${memberId} AND kind = ${kind}`.execute(db)
      return Number(r.rows[0]!.n)
    },
  }
}
