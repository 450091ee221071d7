// The invoices of a portal that carry one number (trimmed, any letter case) in one calendar year of
// the invoice date, with what tells their issuer (the legal entity named on the contract) and what a
// person reads about them (date, counterparty). The lock makes "check, then insert" of one number one
// at a time across transactions and processes (released at commit or rollback; PGlite and PostgreSQL).
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { day } from './ledger-sql.ts'

export interface SameNumberInvoice {
  id: number
  invoiceNumber: string
  invoiceDate: string
  counterpartyName: string
  /** The legal entity written on the invoice's contract (null: no contract or none named). */
  legalEntity: string | null
}

export const invoiceNumberKey = (n: string) => n.trim().toLowerCase()

export function invoiceNumbersRepository(db: Db) {
  return {
    /** Holds the portal's number until the transaction ends; call it inside the transaction that inserts. */
    async lock(memberId: string, invoiceNumber: string): Promise<void> {
      const key = `rc-invoice-number:${memberId}:${invoiceNumberKey(invoiceNumber)}`
      await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(db)
    },
    async inYear(memberId: string, invoiceNumber: string, year: number): Promise<SameNumberInvoice[]> {
      const rows = await db
        .selectFrom('receivables as r')
        .innerJoin('counterparties as c', 'c.id', 'r.counterparty_id')
        .leftJoin('contracts as k', 'k.id', 'r.contract_id')
        .select([
          'r.id',
          'r.invoice_number',
          day('r.invoice_date').as('invoice_date'),
          'c.name as counterparty_name',
          'k.legal_entity',
        ])
        .where('r.member_id', '=', memberId)
        .where(sql<string>`lower(trim(r.invoice_number))`, '=', invoiceNumberKey(invoiceNumber))
        .where('r.invoice_date', '>=', `${year}-01-01`)
        .where('r.invoice_date', '<=', `${year}-12-31`)
        .orderBy('r.invoice_date')
        .orderBy('r.id')
        .limit(200)
        .execute()
      return rows.map((r) => ({
        id: Number(r.id),
        invoiceNumber: r.invoice_number,
        invoiceDate: r.invoice_date,
        counterpartyName: r.counterparty_name,
        legalEntity: r.legal_entity ?? null,
      }))
    },
  }
}
