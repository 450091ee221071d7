// A bank statement as the app reads it, whatever the file format: our accounts' balance blocks and
// the payment documents with their direction. Amounts in kopecks, dates YYYY-MM-DD.

export type StatementFormat = '1c' | 'camt053' | 'mt940'
export type Direction = 'incoming' | 'outgoing' | 'unknown'

export interface StatementParty {
  name: string
  inn: string | null
  /** false when the INN's control digits are wrong (the line then waits for review, never matched by INN) */
  innValid: boolean
  kpp: string | null
  account: string | null
  bic: string | null
}

export interface StatementDocument {
  /** 1-based position in the file (for messages). */
  index: number
  /** The line of the file where the document starts (1-based). */
  line: number
  /** 1-based statement of the file the document belongs to (camt.053 Stmt, MT940 message; 1C: 1). */
  statement: number
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
  /** the statement of the file this block closes (documents are checked against their own statement) */
  statement?: number
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
  statement?: number
  /** the message as a code with its values (texts in ru/en: contracts/statement-messages.ts) */
  code?: 'balances.agree' | 'balances.mismatch' | 'balances.incomplete' | 'balances.missing'
  params?: Record<string, string | number>
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
  /** What the parser could not read, skipped or changed, by line (unknown keys are not warnings). */
  warnings: StatementWarning[]
}

/** A parser warning: a stable code, the line of the file (null when not tied to a line) and its values. */
export interface StatementWarning {
  code: StatementWarningCode
  line: number | null
  params: Record<string, string | number>
}

export type StatementWarningCode =
  | 'section-not-closed'
  | 'section-end-alone'
  | 'not-key-value'
  | 'balance-unreadable'
  | 'amount-unreadable'
  | 'amount-rounded'
  | 'inn-invalid'
  | 'direction-unknown'
  | 'batch-not-split'
  | 'batch-count'
  | 'entry-unreadable'
  | 'entry-not-booked'
  | 'entry-reversal'
  | 'field-unreadable'
  | 'balance-missing'
  /** a plain text stored before warnings had codes */
  | 'text'
