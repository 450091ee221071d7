// The debts a recovery claim demands: its linked invoices from the ledger (remaining, payments, the contract's
// penalty terms) and what they accrue as of a day — the same numbers for the claim tab as for the letter.
import type { ClaimItemFacts } from './claim-case.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import type { DunningRow } from '../../storage/repositories/dunning-rows.ts'
import { paymentsRepository } from '../../storage/repositories/payments.ts'
import { contractsRepository } from '../../storage/repositories/contracts.ts'
import { portalKeyRates } from './penalty-settings.ts'
import { portalPenaltyDefaults } from '../admin/penalty-defaults.ts'
import { letterAccruals, type LetterAccruals, type LetterDebt } from './claim-letter-accruals.ts'

export interface ClaimDebts {
  rows: DunningRow[]
  debts: LetterDebt[]
  /** The invoices' contracts by receivable id. */
  contracts: Awaited<ReturnType<ReturnType<typeof contractsRepository>['ofReceivables']>>
}

/** The invoices linked to the claim item, with their live payments and contracts: `unpaidOnly` keeps the
 *  invoices still owed, `asOf` the payments made by that day (the statement of claim's filing date). */
export async function loadClaimDebts(
  ports: DunningPorts,
  memberId: string,
  itemId: number,
  o: { unpaidOnly?: boolean; asOf?: string } = {},
): Promise<ClaimDebts> {
  const ids = await ports.db
    .selectFrom('dunning_receivables')
    .select('receivable_id')
    .where('member_id', '=', memberId)
    .where('claim_item_id', '=', itemId)
    .execute()
  const rows = (await Promise.all(ids.map((r) => ports.repo.one(memberId, Number(r.receivable_id))))).filter(
    (r): r is NonNullable<typeof r> => r !== null && (!o.unpaidOnly || r.remaining > 0),
  )
  const payments = paymentsRepository(ports.db)
  const contracts = await contractsRepository(ports.db).ofReceivables(
    memberId,
    rows.map((r) => r.receivableId),
  )
  const debts: LetterDebt[] = []
  for (const r of rows) {
    const paid = (await payments.listByReceivable(memberId, r.receivableId)).filter(
      (p) => p.reversedBy === null && p.reversalOf === null && (o.asOf === undefined || p.paidOn <= o.asOf),
    )
    const contract = contracts.get(r.receivableId)
    debts.push({
      receivableId: r.receivableId,
      invoiceNumber: r.invoiceNumber,
      invoiceDate: r.invoiceDate,
      dueDate: r.dueDate,
      amount: r.amount,
      remaining: r.remaining,
      debtor: { entityType: r.entityType, entityId: Number(r.entityId) },
      contract: contract ? { number: contract.number, penaltyTerms: contract.penaltyTerms } : null,
      payments: paid.map((p) => ({ date: p.paidOn, amount: p.amount })),
    })
  }
  return { rows, debts, contracts }
}

/** Per invoice: its contract's terms or the portal default, the portal's windows unless the debtor opted out. */
export async function accrualsOn(
  ports: DunningPorts,
  memberId: string,
  debts: LetterDebt[],
  day: string,
  lang: 'ru' | 'en',
): Promise<LetterAccruals> {
  const keyRates = await portalKeyRates(ports, memberId)
  const defaults = await portalPenaltyDefaults(ports, memberId)
  return letterAccruals(debts, day, keyRates, defaults, lang, ports.log)
}

/** What a recovery claim demands today: the principal (its invoices' remaining, else the card's sum) and the
 *  penalty and interest accrued so far — computed, not read from the card (filled only by a letter). */
export async function claimedToday(
  ports: DunningPorts,
  memberId: string,
  itemId: number,
  facts: Pick<ClaimItemFacts, 'principal'>,
  day: string,
  lang: 'ru' | 'en',
): Promise<{ principal: number; penalty: number; interest: number }> {
  const { rows, debts } = await loadClaimDebts(ports, memberId, itemId)
  const accruals = await accrualsOn(ports, memberId, debts, day, lang)
  const principal = rows.length ? rows.reduce((s, r) => s + r.remaining, 0) : facts.principal
  return { principal, penalty: accruals.penalty, interest: accruals.interest }
}
