// The admin's stage documents: which document each recovery stage requires before the card leaves it
// forward (validated by the domain, stored, audited).
import { checkStageRequirements, StageGateError, STAGE_DOCUMENTS } from '../../domain/claims/stage-gate.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { readStageRequirements, STAGE_REQUIREMENTS_SETTING } from '../claims/enforce-stage-documents.ts'
import { save } from './company-settings.ts'
import type { StageRequirementsDto } from '../../../contracts/stage-requirements.ts'

export async function readStageRequirementsView(
  ports: ReceivablesPorts,
  memberId: string,
): Promise<StageRequirementsDto> {
  return { requirements: await readStageRequirements(ports, memberId), documents: [...STAGE_DOCUMENTS] }
}

export async function saveStageRequirements(
  ports: ReceivablesPorts,
  who: Actor,
  body: unknown,
): Promise<StageRequirementsDto> {
  const raw = typeof body === 'object' && body !== null ? (body as { requirements?: unknown }).requirements : undefined
  let req
  try {
    req = checkStageRequirements(raw)
  } catch (e) {
    if (e instanceof StageGateError) throw new LedgerError('invalid', e.code, e.message)
    throw e
  }
  await save(ports, who, STAGE_REQUIREMENTS_SETTING, req)
  return { requirements: req, documents: [...STAGE_DOCUMENTS] }
}
