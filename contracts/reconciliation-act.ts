// POST /api/counterparties/:type/:id/reconciliation-acts: the act made (amounts in kopecks; positive
// balance = the counterparty owes, negative = its advance) and signed links to its files.
export interface ReconciliationActRequestDto {
  from: string
  to?: string
  contractId?: number | null
}

export interface ReconciliationActDto {
  id: number
  number: string
  date: string
  from: string
  to: string
  opening: number
  debit: number
  credit: number
  closing: number
  rows: number
  pdfUrl: string
  xlsxUrl: string
}
