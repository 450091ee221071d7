// Create a receivable from the tab: counterparty and contract found or created, the receivable
// inserted (stage New invoice), all in one transaction; then the mirror job creates the portal item.
// Its number must be new for the counterparty and for our legal entity in the invoice's year.
import {
  assertDay,
  effectiveDueDate,
  validateReceivableTerms,
  assertText,
  ReceivableError,
} from '../../domain/receivables/index.ts'
import type { Receivable } from '../../storage/repositories/receivables.ts'
import type { CounterpartyType } from '../../storage/repositories/counterparties.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import { inLedgerTx } from './ledger-tx.ts'
import { LedgerError } from './ledger-error.ts'
import { enqueueMirror } from './enqueue-mirror.ts'
import type { Actor } from './actor.ts'
import { checkContractPenaltyTerms, PenaltyError, type PenaltyTerms } from '../../domain/penalties/index.ts'
import { readLegalEntities } from '../admin/legal-entities.ts'
import { invoiceNumbersRepository } from '../../storage/repositories/invoice-numbers.ts'
import { duplicateInYearError, sameNumberInvoices } from './invoice-number-rule.ts'

export interface CreateReceivableInput {
  counterparty: { type: CounterpartyType; id: number; name?: string | null }
  contract?: {
    number: string
    date?: string | null
    legalEntity?: string | null
    paymentTermsDays?: number | null
    /** 'calendar' (default) or 'working': days of the production calendar (migration 170) */
    paymentTermsKind?: unknown
    penaltyTerms?: unknown
  } | null
  invoiceNumber: unknown
  invoiceDate: unknown
  dueDate: unknown
  amount: unknown
  currency?: unknown
  responsibleId?: number | null
}

export type { Actor } from './actor.ts'

export async function createReceivable(
  ports: ReceivablesPorts,
  who: Actor,
  input: CreateReceivableInput,
): Promise<Receivable> {
  const terms = validateReceivableTerms(input as unknown as Record<string, unknown>)
  const cp = input.counterparty
  if ((cp.type !== 'company' && cp.type !== 'contact') || !Number.isSafeInteger(cp.id) || cp.id <= 0) {
    throw new ReceivableError('receivable.invalid-text', 'counterparty must be a company or contact id', 'counterparty')
  }
  const contractNumber = input.contract ? assertText(input.contract.number, 'contract.number', 100) : null
  const contractDate = input.contract?.date ? assertDay(input.contract.date, 'contract.date') : null
  const terms_ = input.contract?.paymentTermsDays
  if (terms_ !== undefined && terms_ !== null && (!Number.isSafeInteger(terms_) || terms_ < 0 || terms_ > 3650)) {
    throw new ReceivableError(
      'receivable.invalid-text',
      'contract.paymentTermsDays must be 0..3650 days',
      'contract.paymentTermsDays',
    )
  }
  const termsKind = input.contract?.paymentTermsKind ?? 'calendar'
  if (termsKind !== 'calendar' && termsKind !== 'working')
    throw new ReceivableError(
      'receivable.invalid-text',
      'contract.paymentTermsKind must be calendar or working',
      'contract.paymentTermsKind',
    )
  let penaltyTerms: PenaltyTerms | null = null
  if (input.contract?.penaltyTerms !== undefined && input.contract.penaltyTerms !== null) {
    try {
      penaltyTerms = checkContractPenaltyTerms(input.contract.penaltyTerms)
    } catch (e) {
      if (e instanceof PenaltyError)
        throw new ReceivableError(
          'receivable.invalid-text',
          `contract.penaltyTerms: ${e.message}`,
          'contract.penaltyTerms',
        )
      throw e
    }
  }
  const { calendar } = await portalDay(ports, who.memberId)
  const effective = effectiveDueDate(calendar, terms.dueDate)
  const ours = await readLegalEntities(ports, who.memberId)
  const created = await inLedgerTx(ports.db, async (r, trx) => {
    // one create of a number at a time in the portal: the checks below see what the other committed
    await invoiceNumbersRepository(trx).lock(who.memberId, terms.invoiceNumber)
    const counterparty = await r.counterparties.upsert(who.memberId, {
      entityType: cp.type,
      entityId: cp.id,
      name: cp.name ?? null,
    })
    // the same invoice twice for one counterparty would double the debt
    if (await r.receivables.findByNumber(who.memberId, counterparty.id, terms.invoiceNumber))
      throw new LedgerError(
        'conflict',
        'receivable.duplicate-number',
        `The counterparty already has invoice ${terms.invoiceNumber}`,
      )
    const contract =
      contractNumber && input.contract
        ? await r.contracts.ensure(
            who.memberId,
            counterparty.id,
            {
              number: contractNumber,
              contractDate,
              legalEntity: input.contract.legalEntity ?? null,
              paymentTermsDays: input.contract.paymentTermsDays ?? null,
              paymentTermsKind: termsKind,
              ...(penaltyTerms ? { penaltyTerms } : {}),
            },
            who.actor,
          )
        : null
    // one number per our legal entity and year (invoice-number-rule.ts)
    const [clash] = await sameNumberInvoices(trx, ours, who.memberId, {
      invoiceNumber: terms.invoiceNumber,
      invoiceDate: terms.invoiceDate,
      legalEntity: contract?.legalEntity ?? null,
    })
    if (clash) throw duplicateInYearError(clash)
    const rec = await r.receivables.insert(who.memberId, {
      counterpartyId: counterparty.id,
      contractId: contract?.id ?? null,
      itemId: null,
      ...terms,
      effectiveDueDate: effective,
      stage: 'NEW',
      responsibleId: input.responsibleId ?? null,
      createdBy: who.actor,
      createdSource: who.source,
    })
    await r.audit.record({
      memberId: who.memberId,
      actor: who.actor,
      source: who.source,
      action: 'receivable.created',
      entity: 'receivable',
      entityId: String(rec.id),
      details: { ...terms, contract: contractNumber },
    })
    return rec
  })
  await enqueueMirror(ports, { memberId: who.memberId, receivableId: created.id, trigger: 'money' }, created.version)
  return created
}
