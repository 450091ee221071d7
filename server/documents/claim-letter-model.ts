// The data a claim letter (претензия) is rendered from; amounts in kopecks, dates YYYY-MM-DD.
export interface Party {
  name: string
  inn?: string
  kpp?: string
  ogrn?: string
  address?: string
}

export interface BankDetails {
  bank: string
  bic: string
  account: string
  corrAccount?: string
}

/** A row of an accrual table; `accrues: false` inside a no-accrual window (amount 0, `note` says why). */
export interface AccrualRow {
  from: string
  to: string
  days: number
  base: number
  ratePercent: string
  yearDays: number | null
  amount: number
  accrues?: boolean
  note?: string
}

/**
 * One accrual table: one invoice's art. 395 interest ('interest') or contractual penalty ('penalty').
 * A letter mixing methods has a table per invoice, each titled by its method.
 */
export interface AccrualTable {
  title: string
  kind: 'interest' | 'penalty'
  /** Rates per year (art. 395: a "days in year" column) or per day. */
  perYear: boolean
  rows: AccrualRow[]
  /** The sum of the rows; differs from total when the contract's cap bites. */
  uncapped: number
  cap: { label: string; limit: number; applied: boolean } | null
  total: number
}

export interface ClaimLetterModel {
  lang: 'ru' | 'en'
  number: string
  date: string
  creditor: Party & { bankDetails: BankDetails; signer: string; signerTitle: string }
  debtor: Party
  /** The contracts of the claimed invoices (none, one, or several), in the order of their dates. */
  contracts: { number: string; date: string | null }[]
  invoices: { number: string; date: string; dueDate: string; amount: number; paid: number }[]
  principal: number
  accruals: AccrualTable[]
  total: number
  payWithinDays: number
  payBy: string
  attachments: string[]
  /** The admin's wording of the debt and demand paragraphs; the default when absent. */
  template?: { body: string; demand: string }
}
