// The data a claim letter (претензия) is rendered from; amounts in kopecks, dates YYYY-MM-DD.
export interface Party {
  name: string
  inn?: string
  kpp?: string
  ogrn?: string
  address?: string
}

export interface BankDetails { bank: string; bic: string; account: string; corrAccount?: string }

export interface AccrualRow { from: string; to: string; days: number; base: number; ratePercent: string; yearDays: number; amount: number }

export interface ClaimLetterModel {
  lang: 'ru' | 'en'
  number: string
  date: string
  creditor: Party & { bankDetails: BankDetails; signer: string; signerTitle: string }
  debtor: Party
  contract: { number: string; date: string } | null
  invoices: { number: string; date: string; dueDate: string; amount: number; paid: number }[]
  principal: number
  accrual: { title: string; rows: AccrualRow[]; total: number } | null
  total: number
  payWithinDays: number
  payBy: string
  attachments: string[]
  /** The admin's wording of the debt and demand paragraphs; the default when absent. */
  template?: { body: string; demand: string }
}
