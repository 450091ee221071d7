// The printed number of a document the app makes: «АС-2026/3» (reconciliation act), «П-2026/12»
// (claim letter), «ИЗ-2026/1» (statement of claim). Each series runs per our legal entity (INN) and
// calendar year of the document's day in the portal's timezone, from 1 without gaps; the same document
// (its key) keeps the number it got first, however often it is regenerated or retried.
import type { Db } from '../../storage/database.ts'
import { documentNumbersRepository } from '../../storage/repositories/document-numbers.ts'

type NumberedDocument = 'reconciliation-act' | 'claim-letter' | 'claim-statement'

const PREFIX: Record<NumberedDocument, string> = {
  'reconciliation-act': 'АС',
  'claim-letter': 'П',
  'claim-statement': 'ИЗ',
}

const formatDocumentNumber = (kind: NumberedDocument, year: number, seq: number) => `${PREFIX[kind]}-${year}/${seq}`

/** The number of the document `docKey` of our entity `entityInn`, dated `day` (YYYY-MM-DD, the portal's day). */
export async function documentNumber(
  db: Db,
  memberId: string,
  kind: NumberedDocument,
  docKey: string,
  entityInn: string,
  day: string,
): Promise<string> {
  const got = await documentNumbersRepository(db).assign(memberId, {
    kind,
    docKey,
    entityInn,
    year: Number(day.slice(0, 4)),
    format: (year, seq) => formatDocumentNumber(kind, year, seq),
  })
  return got.number
}
