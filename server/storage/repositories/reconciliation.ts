// The ledger entries of one counterparty (optionally one contract) for its reconciliation act:
// every invoice and every payment entry (reversals included, as the negative entries they are)
// up to a day. What is dated before the period makes the opening balance, so nothing is cut here.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { day } from './ledger-sql.ts'

export interface LedgerInvoice {
  receivableId: number
  date: string
  number: string
  amount: number
  contractId: number | null
  contract: string | null
  legalEntity: string | null
}

export interface LedgerPayment {
  date: string
  amount: number
  invoiceNumber: string
  comment: string | null
  contract: string | null
}

export function reconciliationRepository(db: Db) {
  return {
    async invoices(memberId: string, counterpartyId: number, contractId: number | null, to: string) {
      let q = db
        .selectFrom('receivables as r')
        .leftJoin('contracts as c', 'c.id', 'r.contract_id')
        .select([
          'r.id',
          'r.invoice_number',
          'r.amount',
          'r.contract_id',
          'c.number as contract_number',
          'c.legal_entity',
          day('r.invoice_date').as('invoice_date'),
        ])
        .where('r.member_id', '=', memberId)
        .where('r.counterparty_id', '=', counterpartyId)
        .where('r.invoice_date', '<=', sql<string>`${to}::date`)
      if (contractId !== null) q = q.where('r.contract_id', '=', contractId)
      const rows = await q.orderBy('r.invoice_date').orderBy('r.id').execute()
      return rows.map((r): LedgerInvoice => ({
        receivableId: Number(r.id),
        date: r.invoice_date,
        number: r.invoice_number,
        amount: Number(r.amount),
        contractId: r.contract_id === null ? null : Number(r.contract_id),
        contract: r.contract_number ?? null,
        legalEntity: r.legal_entity ?? null,
      }))
    },

    async payments(memberId: string, counterpartyId: number, contractId: number | null, to: string) {
      let q = db
        .selectFrom('payments as p')
        .innerJoin('receivables as r', 'r.id', 'p.receivable_id')
        .leftJoin('contracts as c', 'c.id', 'r.contract_id')
        .select([
          'p.id',
          'p.amount',
          'p.comment',
          'r.invoice_number',
          'c.number as contract_number',
          day('p.paid_on').as('paid_on'),
        ])
        .where('p.member_id', '=', memberId)
        .where('r.member_id', '=', memberId)
        .where('r.counterparty_id', '=', counterpartyId)
        .where('p.paid_on', '<=', sql<string>`${to}::date`)
      if (contractId !== null) q = q.where('r.contract_id', '=', contractId)
      const rows = await q.orderBy('p.paid_on').orderBy('p.id').execute()
      return rows.map((r): LedgerPayment => ({
        date: r.paid_on,
        amount: Number(r.amount),
        invoiceNumber: r.invoice_number,
        comment: r.comment,
        contract: r.contract_number ?? null,
      }))
    },
  }
}
