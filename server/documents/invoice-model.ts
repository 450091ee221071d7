// The data an invoice for payment (счёт на оплату) is rendered from; amounts in kopecks, dates
// YYYY-MM-DD. The supplier is our legal entity (its bank, signer and images from the admin page),
// the buyer the receivable's counterparty with its requisites from the portal.
import type { BankDetails, Party } from './claim-letter-model.ts'

export interface InvoiceImages {
  logo?: Buffer
  signature?: Buffer
  stamp?: Buffer
}

export interface InvoiceLine {
  name: string
  quantity: number
  unit: string
  /** Price and amount of the line in kopecks, VAT included when the supplier charges it. */
  price: number
  amount: number
}

/** 'none' = без НДС (a simplified-tax supplier); else the rate in percent, included in the amounts. */
export type VatRate = 'none' | 0 | 5 | 7 | 10 | 20 | 22

export interface InvoiceModel {
  lang: 'ru' | 'en'
  number: string
  date: string
  dueDate: string
  supplier: Party & { bankDetails: BankDetails; signer?: string; signerTitle?: string; accountant?: string }
  buyer: Party
  /** "Договор № 45/2024 от 15.01.2024"; null without a contract. */
  basis: string | null
  lines: InvoiceLine[]
  vatRate: VatRate
  images?: InvoiceImages
}
