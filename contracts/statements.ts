// Bank statement DTOs shared by the API and the admin page. Amounts in kopecks, days YYYY-MM-DD.
import type { StatementMessage } from './statement-messages.ts'

export interface BalanceCheckDto {
  account: string
  ok: boolean
  difference: number
  message: string
  /** the statement of the file (camt.053 Stmt, MT940 message) when a file holds several */
  statement?: number
  /** the check as a code with values, for the page's language (contracts/statement-messages.ts) */
  code?: string
  params?: Record<string, string | number>
}

export interface StatementImportDto {
  id: number
  fileName: string
  format: string
  status: 'processing' | 'done' | 'failed'
  uploadedBy: string
  createdAt: string
  documents: number
  incoming: number
  outgoing: number
  duplicates: number
  processed: number
  matched: number
  review: number
  balances: BalanceCheckDto[]
  /** parser warnings by line, as codes with values (texts: contracts/statement-messages.ts) */
  warnings: StatementMessage[]
  /** true when a balance does not add up: nothing was recorded automatically, every line waits for review */
  balancesFailed: boolean
  error: string | null
}

export interface CandidateDto {
  receivableId: number
  invoiceNumber: string
  invoiceDate: string
  remaining: number
  counterpartyName: string
}

export interface StatementLineDto {
  id: number
  importId: number
  docNumber: string
  valueDate: string | null
  amount: number
  payerName: string
  payerInn: string | null
  purpose: string
  status: 'pending' | 'matched' | 'review' | 'assigned' | 'dismissed' | 'skipped'
  rule: string | null
  reason: string | null
  candidates: CandidateDto[]
  allocations: { receivableId: number; amount: number; paymentId?: number }[]
  /** the API line this line repeats (reason 'api-duplicate': the payment was already received through the API) */
  duplicateOf: number | null
}

export interface StatementsOverviewDto {
  imports: StatementImportDto[]
  waiting: number
  canResolve: boolean
}
export interface ReviewQueueDto {
  lines: StatementLineDto[]
  waiting: number
}
