// An invoice number is unique per our legal entity and calendar year of the invoice date (issue 23),
// compared trimmed and in any letter case. The issuer of an invoice is the entity the printed invoice
// names (invoice-document.ts): the one written on its contract, else the default; a portal with no
// entity set up on the admin page groups its invoices by the name written on the contract (none: one
// unnamed issuer). An invoice typed in the app is refused on a clash (create-receivable.ts); one made
// in the portal is never refused, its clash is shown on the invoice card (numberClashes).
import type { Db } from '../../storage/database.ts'
import { invoiceNumbersRepository, type SameNumberInvoice } from '../../storage/repositories/invoice-numbers.ts'
import { creditorFor, type LegalEntity } from '../admin/legal-entities.ts'
import { LedgerError } from './ledger-error.ts'

const norm = (s: string) => s.toLowerCase().replace(/[«»"'“”.,\s]/g, '')

/** Who issued an invoice whose contract names `legalEntity`: 'inn:…' of our entity, else 'name:…' ('' none). */
export function issuerKey(ours: readonly LegalEntity[], legalEntity: string | null): string {
  const entity = creditorFor(ours, [legalEntity])
  if (entity) return `inn:${entity.inn}`
  return legalEntity?.trim() ? `name:${norm(legalEntity)}` : ''
}

/** The stored invoices of the same issuer with this number in the invoice date's year (before an insert). */
export async function sameNumberInvoices(
  db: Db,
  ours: readonly LegalEntity[],
  memberId: string,
  invoice: { invoiceNumber: string; invoiceDate: string; legalEntity: string | null },
): Promise<SameNumberInvoice[]> {
  const issuer = issuerKey(ours, invoice.legalEntity)
  const year = Number(invoice.invoiceDate.slice(0, 4))
  const rows = await invoiceNumbersRepository(db).inYear(memberId, invoice.invoiceNumber, year)
  return rows.filter((r) => issuerKey(ours, r.legalEntity) === issuer)
}

/** A stored invoice's clashes: the other invoices of its issuer with its number in its year (the invoice card). */
export async function numberClashesOf(
  db: Db,
  ours: readonly LegalEntity[],
  rec: { id: number; memberId: string; invoiceNumber: string; invoiceDate: string },
): Promise<SameNumberInvoice[]> {
  const rows = await invoiceNumbersRepository(db).inYear(
    rec.memberId,
    rec.invoiceNumber,
    Number(rec.invoiceDate.slice(0, 4)),
  )
  const self = rows.find((r) => r.id === rec.id)
  if (!self) return []
  const issuer = issuerKey(ours, self.legalEntity)
  return rows.filter((r) => r.id !== rec.id && issuerKey(ours, r.legalEntity) === issuer)
}

/** The refusal of a number already used by `other` (the page shows it in ru/en: contracts/error-messages.ts). */
export function duplicateInYearError(other: SameNumberInvoice): LedgerError {
  const year = other.invoiceDate.slice(0, 4)
  return new LedgerError(
    'conflict',
    'receivable.duplicate-number-in-year',
    `Invoice ${other.invoiceNumber} of ${other.invoiceDate} (counterparty ${other.counterpartyName}) ` +
      `already has this number for the same legal entity in ${year}`,
    {
      number: other.invoiceNumber,
      date: other.invoiceDate,
      counterparty: other.counterpartyName,
      year,
      receivableId: other.id,
    },
  )
}
