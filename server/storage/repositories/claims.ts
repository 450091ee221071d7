// Claim cases, their payout tranches, bound e-mails and generated letters: one repository composed
// of the per-concept queries (claim-cases, claim-tranches, claim-mails, claim-letters).
import type { Db } from '../database.ts'
import { claimCaseQueries } from './claim-cases.ts'
import { claimTrancheQueries } from './claim-tranches.ts'
import { claimMailQueries } from './claim-mails.ts'
import { claimLetterQueries } from './claim-letters.ts'

export type { ClaimCase } from './claim-cases.ts'
export type { StoredTranche } from './claim-tranches.ts'
export type { ClaimLetterMeta } from './claim-letters.ts'

export function claimsRepository(db: Db) {
  return {
    ...claimCaseQueries(db),
    ...claimTrancheQueries(db),
    ...claimMailQueries(db),
    ...claimLetterQueries(db),
  }
}
