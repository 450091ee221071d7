// The shapes of the ledger's receivables (server/storage/repositories/receivables.ts reads and writes them).

export interface Receivable {
  id: number
  memberId: string
  counterpartyId: number
  contractId: number | null
  itemId: number | null
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  effectiveDueDate: string
  amount: number
  currency: string
  paid: number
  remaining: number
  lastPaymentOn: string | null
  lastPaymentAmount: number | null
  stage: string
  manualStage: boolean
  overdueApplied: boolean
  responsibleId: number | null
  version: number
}

export interface NewReceivable {
  counterpartyId: number
  contractId: number | null
  itemId: number | null
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  effectiveDueDate: string
  amount: number
  currency: string
  stage: string
  responsibleId: number | null
  createdBy: string
  createdSource: string
}

export interface CounterpartyTotals {
  total: number
  paid: number
  remaining: number
  advance: number
  openCount: number
  lastPayment: { paidOn: string; amount: number } | null
}

export type TermsPatch = Partial<
  Pick<
    NewReceivable,
    | 'invoiceNumber'
    | 'invoiceDate'
    | 'dueDate'
    | 'effectiveDueDate'
    | 'amount'
    | 'currency'
    | 'responsibleId'
    | 'contractId'
    | 'counterpartyId'
  >
>
