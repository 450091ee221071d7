// Request and response shapes of /api/receivables/* and friends, shared with placement-ui
// (type-only imports). Money is integer kopecks; days are 'YYYY-MM-DD' in the portal's time zone.
export type CounterpartyType = 'company' | 'contact'
export type SummaryColour = 'green' | 'amber' | 'red' | 'grey'
/** sent = at the "sent to the client" stage; due-soon = due within N days; stuck = overdue and nothing
 *  happened (payment, stage move, contact) for N days (N: GET/PUT /api/admin/receivable-statuses) */
export type ReceivableStatus = 'open' | 'sent' | 'due-soon' | 'overdue' | 'stuck' | 'paid' | 'written-off'
export type ReceivableFilter = 'all' | 'open' | 'overdue' | 'paid' | 'sent' | 'due-soon' | 'stuck'
export type ReceivableSortKey =
  | 'invoiceNumber'
  | 'invoiceDate'
  | 'dueDate'
  | 'amount'
  | 'paid'
  | 'remaining'
  | 'stage'
  | 'daysOverdue'
  | 'contractNumber'
  | 'counterpartyName'
export type SortDirection = 'asc' | 'desc'
export type PaymentSourceDto = 'manual' | 'bank-statement' | 'robot' | 'api' | 'reversal'

export interface CounterpartyDto {
  id: number
  type: CounterpartyType
  entityId: number
  name: string
  inn: string | null
}

/** GET /api/counterparties/:type/:id/summary */
export interface CounterpartySummaryDto {
  counterparty: CounterpartyDto | null
  today: string
  totalDebt: number
  overdueDebt: number
  oldestOverdueDays: number
  advance: number
  openCount: number
  colour: SummaryColour
  /** Set when amber: days until the nearest due date. */
  dueInDays: number | null
  /** How many open invoices are sent to the client, due soon, stuck (the header's status chips). */
  statusCounts?: { sent: number; 'due-soon': number; stuck: number }
}

/** GET/PUT /api/admin/receivable-statuses: the days of "due soon" and "stuck" (1..365). */
export interface ReceivableStatusSettingsDto {
  dueSoonDays: number
  stuckDays: number
}

export interface ReceivableRowDto {
  id: number
  itemId: number | null
  counterpartyId: number
  counterpartyName: string
  contractId: number | null
  contractNumber: string | null
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  /** The due date moved to the next working day (art. 193 Civil Code). */
  effectiveDueDate: string
  amount: number
  paid: number
  remaining: number
  currency: string
  stage: string
  manualStage: boolean
  daysOverdue: number
  status: ReceivableStatus
}

/** GET /api/receivables?counterpartyType=&counterpartyId=&q=&filter=&sort=&dir=&page=&pageSize= */
export interface ReceivablesPageQuery {
  counterpartyType?: CounterpartyType
  counterpartyId?: number
  q?: string
  filter?: ReceivableFilter
  sort?: ReceivableSortKey
  dir?: SortDirection
  /** 1-based */
  page?: number
  /** 1..200, default 50 */
  pageSize?: number
}

export interface ReceivablesPageDto {
  rows: ReceivableRowDto[]
  total: number
  page: number
  pageSize: number
  /** The Receivables smart process of the portal, to open a row's item in the slider. */
  itemEntityTypeId?: number | null
}

/** penaltyTerms: the contract's penalty terms as the engine takes them ({ method: 'per-day', percentPerDay: '0.1', cap? } ...), null when none. */
export interface ContractDto {
  id: number
  number: string
  contractDate: string | null
  legalEntity: string | null
  paymentTermsDays: number | null
  /** the terms count calendar days or working days of the production calendar */
  paymentTermsKind: 'calendar' | 'working'
  penaltyTerms: Record<string, unknown> | null
  /** Kept by the app from the money; closed only by a person (issue 26). */
  status: ContractStatusDto
  /** Days past due of the oldest overdue invoice (0 unless overdue or claim). */
  oldestDays: number
  closedOn: string | null
  closedReason: string | null
  /** The status changes, newest first (up to 20). */
  history: ContractHistoryDto[]
}

export type ContractStatusDto = 'active' | 'overdue' | 'claim' | 'settled' | 'closed'
export interface ContractHistoryDto {
  from: ContractStatusDto
  to: ContractStatusDto
  oldestDays: number
  onDate: string
  /** 'system' or the person's name */
  actor: string
  reason: string | null
}
/** POST /api/counterparties/:type/:id/contracts/:contractId/close */
export interface CloseContractRequest {
  closedOn: string
  reason: string
}

/** GET /api/counterparties/:type/:id/contracts: contracts with their receivables nested (no contract = `contract: null`). */
export interface ContractGroupDto {
  contract: ContractDto | null
  totals: { amount: number; paid: number; remaining: number; count: number }
  /** The newest receivables of the contract (up to 100; the page endpoint has them all). */
  receivables: ReceivableRowDto[]
}
export interface ContractsDto {
  groups: ContractGroupDto[]
}

/** POST /api/receivables */
export interface CreateReceivableRequest {
  counterparty: { type: CounterpartyType; id: number; name?: string }
  contract?: {
    number: string
    date?: string
    legalEntity?: string
    paymentTermsDays?: number
    paymentTermsKind?: 'calendar' | 'working'
  }
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  /** kopecks, > 0 */
  amount: number
  currency?: string
  responsibleId?: number
}

/** POST /api/receivables/:id/payments */
export interface RecordPaymentRequest {
  /** kopecks, > 0 */
  amount: number
  paidOn: string
  /** A client-generated id of this payment (or the bank document number): sent twice, recorded once. */
  sourceRef: string
  comment?: string
  /** Required when the amount exceeds the remaining debt (409 payment.exceeds-remaining otherwise). */
  confirmAdvance?: boolean
}

/** POST /api/payments/:id/reverse */
export interface ReversePaymentRequest {
  reason?: string
}

export interface PaymentDto {
  id: number
  amount: number
  paidOn: string
  source: PaymentSourceDto
  sourceRef: string
  reversalOf: number | null
  reversedBy: number | null
  comment: string | null
  actor: string
  createdAt: string
}

export interface PaymentOutcomeDto {
  payment: PaymentDto
  receivable: ReceivableRowDto
  duplicate: boolean
}

export interface AuditEntryDto {
  id: number
  actor: string
  source: string
  action: string
  details: unknown
  createdAt: string
}

/** Another invoice of the same legal entity of ours with the same number in the same year. */
export interface InvoiceNumberClashDto {
  id: number
  invoiceNumber: string
  invoiceDate: string
  counterpartyName: string
}

/** GET /api/receivables/:id */
export interface ReceivableDetailDto {
  /** The portal's today (its timezone): the payment form's default date. */
  today: string
  receivable: ReceivableRowDto
  counterparty: CounterpartyDto
  totals: {
    total: number
    paid: number
    remaining: number
    advance: number
    lastPayment: { amount: number; paidOn: string } | null
  }
  payments: PaymentDto[]
  audit: AuditEntryDto[]
  /** Other invoices of our legal entity with this number in this invoice's year: one made in the portal
   *  cannot be refused, so the card warns instead (invoice-number-rule.ts); empty when the number is unique. */
  numberClashes: InvoiceNumberClashDto[]
}

export interface AgeingCellDto {
  amount: number
  count: number
}
export interface AgeingRowDto {
  current: AgeingCellDto
  d1_30: AgeingCellDto
  d31_60: AgeingCellDto
  d61_90: AgeingCellDto
  d90_plus: AgeingCellDto
  total: AgeingCellDto
}

/** GET /api/ageing (portal; the counterparties with the most debt) or ?counterpartyType=&counterpartyId= */
export interface AgeingDto {
  today: string
  portal: AgeingRowDto
  counterparties: { counterparty: CounterpartyDto; ageing: AgeingRowDto }[]
  /** By our legal entity (named on the receivable's contract; matched to the admin's list by name or INN); null: not named. Biggest debt first, null last. */
  legalEntities: { legalEntity: string | null; inn: string | null; ageing: AgeingRowDto }[]
}

export interface ApiErrorDto {
  error: string
  message: string
  details?: unknown
}

/** GET /api/receivables/:id/invoice-pdf: the invoice with the payment QR code. */
export interface InvoicePdfDto {
  fileName: string
  pdfBase64: string
}
