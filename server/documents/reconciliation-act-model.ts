// The data a reconciliation act is rendered from (PDF and XLSX): both parties, the period, and the
// act computed from the ledger (server/domain/reconciliation). Amounts in kopecks, dates YYYY-MM-DD.
import type { ReconciliationAct } from '../domain/reconciliation/reconciliation-act.ts'

export interface ActParty {
  name: string
  inn?: string
  kpp?: string
}

export interface ReconciliationActModel {
  lang: 'ru' | 'en'
  number: string
  date: string
  us: ActParty & { signer: string; signerTitle: string }
  them: ActParty
  /** one contract, or null when the act covers all of them */
  contract: { number: string; date: string | null } | null
  act: ReconciliationAct
}
