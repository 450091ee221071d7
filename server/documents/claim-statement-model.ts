// The data a statement of claim (исковое заявление) draft is rendered from; amounts in kopecks,
// dates YYYY-MM-DD. The accrual tables are the claim letter's (claim-letter-model.ts), computed to
// the filing date.
import type { StateDuty } from '../domain/claims/state-duty.ts'
import type { AccrualTable, BankDetails, Party } from './claim-letter-model.ts'

export interface ClaimStatementModel {
  lang: 'ru' | 'en'
  /** our outgoing number, «ИЗ-2026/1» (sequential per our legal entity and year) */
  number: string
  /** the filing date: accruals run to it, the duty is for it */
  date: string
  court: string
  plaintiff: Party & { ogrn: string; address: string; bankDetails: BankDetails; signer: string; signerTitle: string }
  defendant: Party
  contracts: { number: string; date: string | null }[]
  invoices: { number: string; date: string; dueDate: string; amount: number; paid: number; remaining: number }[]
  /** the claim letter (pre-trial procedure, APK art. 4 p. 5) */
  claimLetter: { number: string; date: string; sentOn: string | null; pretrialEndsOn: string | null }
  principal: number
  interest: number
  penalty: number
  accruals: AccrualTable[]
  /** principal + interest + penalty */
  claimValue: number
  duty: StateDuty
  attachments: string[]
}
