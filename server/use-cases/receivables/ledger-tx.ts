// The ledger repositories bound to one transaction: every write of a use-case is one short
// transaction with no network inside.
import type { Db } from '../../storage/database.ts'
import { inTransaction } from '../../storage/transaction.ts'
import { computeBalance } from '../../domain/receivables/index.ts'
import { auditRepository } from '../../storage/repositories/audit.ts'
import { counterpartiesRepository } from '../../storage/repositories/counterparties.ts'
import { contractsRepository } from '../../storage/repositories/contracts.ts'
import { receivablesRepository } from '../../storage/repositories/receivables.ts'
import { paymentsRepository } from '../../storage/repositories/payments.ts'

export function ledgerRepos(db: Db) {
  return {
    audit: auditRepository(db),
    counterparties: counterpartiesRepository(db),
    contracts: contractsRepository(db),
    receivables: receivablesRepository(db),
    payments: paymentsRepository(db),
  }
}
export type LedgerRepos = ReturnType<typeof ledgerRepos>

/** Recomputes a receivable's balance from its ledger entries with the domain rule and stores it. */
export async function rebalance(r: LedgerRepos, memberId: string, receivableId: number, amount: number): Promise<void> {
  const entries = await r.payments.listByReceivable(memberId, receivableId)
  const b = computeBalance(amount, entries)
  await r.receivables.setBalance(memberId, receivableId, b)
}

export function inLedgerTx<T>(db: Db, work: (r: LedgerRepos, trx: Db) => Promise<T>): Promise<T> {
  return inTransaction(db, (trx) => work(ledgerRepos(trx), trx))
}
