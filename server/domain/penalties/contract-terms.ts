// A contract's penalty terms as given by a person or an accounting system: checked by running the
// engine on a sample debt, so terms that are stored are terms the engine can apply.
import { calculatePenalty } from './calculate-penalty.ts'
import { PenaltyError } from './penalty-error.ts'
import type { PenaltyTerms } from './types.ts'

export function checkContractPenaltyTerms(raw: unknown): PenaltyTerms {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new PenaltyError(
      'penalty.invalid-method',
      'penalty terms must be an object such as { "method": "per-day", "percentPerDay": "0.1" }',
    )
  const terms = raw as PenaltyTerms
  calculatePenalty({ principal: 10_000_000, dueDate: '2025-01-10', to: '2025-03-10', terms, windows: [] })
  return terms
}
