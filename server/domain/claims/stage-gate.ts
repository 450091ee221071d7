// Stage documents of a debt-recovery case: a stage may require its document (the first notice, the
// claim letter, the settlement schedule, the statement of claim). Moving the card forward past a
// stage whose document is missing is refused; closing the case unrecovered (FAIL) never is.
// Bitrix24 has no REST way to forbid a move, so the app returns the card (use-cases/claims).
import { DomainError } from '../domain-error.ts'

export const STAGE_DOCUMENTS = ['first-notice', 'claim-letter', 'settlement-schedule', 'statement-of-claim'] as const
export type StageDocument = (typeof STAGE_DOCUMENTS)[number]

/** The forward order of the recovery pipeline (FAIL is outside it). */
export const RECOVERY_ORDER = [
  'NEW',
  'FIRST_NOTICE',
  'CLAIM_SENT',
  'PRETRIAL',
  'COURT_PREP',
  'IN_COURT',
  'ENFORCEMENT',
  'SUCCESS',
] as const

/** stage code -> the documents that must exist before the card leaves that stage forward */
export type StageRequirements = Partial<Record<string, StageDocument[]>>

export class StageGateError extends DomainError<'stage-gate.invalid'> {
  constructor(message: string) {
    super('StageGateError', 'stage-gate.invalid', message)
  }
}

export function checkStageRequirements(raw: unknown): StageRequirements {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new StageGateError('requirements must be an object: stage code -> list of documents')
  const out: StageRequirements = {}
  for (const [stage, docs] of Object.entries(raw)) {
    if (!(RECOVERY_ORDER as readonly string[]).includes(stage) || stage === 'SUCCESS')
      throw new StageGateError(`"${stage.slice(0, 40)}" is not a stage a card leaves forward`)
    if (!Array.isArray(docs)) throw new StageGateError(`${stage}: a list of documents is expected`)
    for (const d of docs)
      if (!(STAGE_DOCUMENTS as readonly string[]).includes(d))
        throw new StageGateError(
          `${stage}: unknown document "${String(d).slice(0, 40)}"; known: ${STAGE_DOCUMENTS.join(', ')}`,
        )
    if (docs.length) out[stage] = [...new Set(docs as StageDocument[])]
  }
  return out
}

export interface MissingDocument {
  stage: string
  document: StageDocument
}

/** What blocks a move from `from` to `to`: the documents of every stage it leaves behind. */
export function missingForMove(
  req: StageRequirements,
  from: string | null,
  to: string | null,
  present: ReadonlySet<StageDocument>,
): MissingDocument[] {
  const order = RECOVERY_ORDER as readonly string[]
  if (!from || !to) return []
  const a = order.indexOf(from)
  const b = order.indexOf(to)
  if (a < 0 || b < 0 || b <= a) return []
  const out: MissingDocument[] = []
  for (const stage of order.slice(a, b))
    for (const document of req[stage] ?? []) if (!present.has(document)) out.push({ stage, document })
  return out
}

/** The documents a set of requirements asks about (so only those are looked up). */
export function requiredDocuments(req: StageRequirements): StageDocument[] {
  return [...new Set(Object.values(req).flatMap((d) => d ?? []))]
}
