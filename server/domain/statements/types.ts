// A bank statement as the app reads it, whatever the file format: our accounts' balance blocks and
// the payment documents with their direction. Amounts in kopecks, dates YYYY-MM-DD.

export type StatementFormat = '1c' | 'camt053'
export type Direction = 'incoming' | 'outgoing' | 'unknown'

export interface StatementParty {
  name: string
  inn: string | null
  kpp: string | null
  account: string | null
  bic: string | null
}

export interface StatementDocument {
  /** 1-based position in the file (for messages). */
  index: number
  kind: string
  number: string
  /** The document date (Дата). */
  date: string | null
  /** The day the money moved: ДатаПоступило for incoming, ДатаСписано for outgoing, else the document date. */
  valueDate: string | null
  amount: number
  direction: Direction
  /** Our account this document touches (payee account for incoming, payer account for outgoing). */
  ourAccount: string | null
  payer: StatementParty
  payee: StatementParty
  purpose: string
}

export interface BalanceBlock {
  account: string
  from: string | null
  to: string | null
  opening: number
  incoming: number
  outgoing: number
  closing: number
  /** Booked amounts in the totals that are deliberately not documents (camt.053 reversals). */
  notDocuments?: { incoming: number; outgoing: number }
}

export interface BalanceCheck {
  account: string
  ok: boolean
  /** opening + incoming - outgoing - closing, in kopecks (0 when ok). */
  difference: number
  /** The documents of the file add up to the block's totals (when the file covers the period). */
  documentsIncoming: number
  documentsOutgoing: number
  message: string
}

export interface ParsedStatement {
  format: StatementFormat
  version: string | null
  encoding: 'utf-8' | 'windows-1251' | 'cp866'
  period: { from: string | null; to: string | null }
  accounts: string[]
  balances: BalanceBlock[]
  documents: StatementDocument[]
  /** Lines the parser could not read but skipped (unknown keys are not warnings). */
  warnings: string[]
}
