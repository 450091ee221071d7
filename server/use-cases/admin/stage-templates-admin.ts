// The admin's print forms of the recovery stages: upload (a DOCX with {{variables}} or a PDF, checked
// before it is stored), list, delete and a preview filled with sample values. Audited.
import { RECOVERY_ORDER } from '../../domain/claims/stage-gate.ts'
import { fillDocxTemplate, STAGE_FORM_VARIABLES, type StageFormValues } from '../../documents/stage-template-fill.ts'
import { stageTemplatesRepository, type StageTemplateMeta } from '../../storage/repositories/stage-templates.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'

const MAX_BYTES = 2 * 1024 * 1024
const bad = (message: string) => new LedgerError('invalid', 'stage-template.invalid', message)

export function assertFormStage(stage: string): string {
  if (!(RECOVERY_ORDER as readonly string[]).includes(stage) || stage === 'SUCCESS')
    throw new LedgerError(
      'not-found',
      'stage-template.unknown-stage',
      `"${stage.slice(0, 40)}" is not a recovery stage`,
    )
  return stage
}

export const SAMPLE_VALUES: StageFormValues = {
  date: '09.12.2026',
  caseTitle: 'Взыскание: ООО «Ромашка»',
  creditor: 'ООО «Поставщик»',
  creditorInn: '7707083893',
  debtor: 'ООО «Ромашка»',
  debtorInn: '7728168971',
  contracts: 'договор № 15/2025 от 15.01.2025',
  invoices: 'счёт № СЧ-42 от 10.06.2026 на 500\u00a0000,00 руб.',
  principal: '300\u00a0000,00',
  interest: '12\u00a0345,67',
  penalty: '0,00',
  total: '312\u00a0345,67',
  tranches: '31.12.2026 — 150\u00a0000,00 руб.; 31.01.2027 — 150\u00a0000,00 руб.',
}

export async function uploadStageTemplate(
  ports: ReceivablesPorts,
  who: Actor,
  stage: string,
  body: unknown,
): Promise<StageTemplateMeta[]> {
  assertFormStage(stage)
  const b = (typeof body === 'object' && body !== null ? body : {}) as { fileName?: unknown; data?: unknown }
  const fileName = typeof b.fileName === 'string' ? b.fileName.trim() : ''
  if (!fileName || fileName.length > 200) throw bad('fileName: a file name of at most 200 characters is required')
  if (typeof b.data !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(b.data))
    throw bad('data: the file in base64 is required')
  const data = Buffer.from(b.data, 'base64')
  if (data.length > MAX_BYTES) throw bad(`the file is larger than ${MAX_BYTES / 1024 / 1024} MB`)
  const kind =
    data.subarray(0, 5).toString('latin1') === '%PDF-'
      ? 'pdf'
      : data.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))
        ? 'docx'
        : null
  if (!kind) throw bad('the file is neither a DOCX nor a PDF')
  if (!fileName.toLowerCase().endsWith(`.${kind}`)) throw bad(`the file is a ${kind.toUpperCase()}: name it *.${kind}`)
  if (kind === 'docx')
    await fillDocxTemplate(data, SAMPLE_VALUES).catch(() => Promise.reject(bad('the DOCX cannot be read')))
  const repo = stageTemplatesRepository(ports.db)
  await repo.put(who.memberId, { stage, fileName, kind, data, by: who.actor, at: ports.now() })
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'stage-template.uploaded',
    entity: 'stage',
    entityId: stage,
    details: { fileName, kind, size: data.length },
  })
  return repo.list(who.memberId)
}

export async function removeStageTemplate(
  ports: ReceivablesPorts,
  who: Actor,
  stage: string,
): Promise<StageTemplateMeta[]> {
  assertFormStage(stage)
  const repo = stageTemplatesRepository(ports.db)
  if (await repo.remove(who.memberId, stage))
    await ports.audit.record({
      memberId: who.memberId,
      actor: who.actor,
      source: who.source,
      action: 'stage-template.removed',
      entity: 'stage',
      entityId: stage,
    })
  return repo.list(who.memberId)
}

export async function listStageTemplates(ports: ReceivablesPorts, memberId: string) {
  return { templates: await stageTemplatesRepository(ports.db).list(memberId), variables: [...STAGE_FORM_VARIABLES] }
}

/** The stage's template filled with the sample values (a PDF as it is). */
export async function previewStageTemplate(ports: ReceivablesPorts, memberId: string, stage: string) {
  assertFormStage(stage)
  const t = await stageTemplatesRepository(ports.db).get(memberId, stage)
  if (!t) throw new LedgerError('not-found', 'stage-template.none', `No print form for the stage ${stage}`)
  return {
    fileName: t.fileName,
    kind: t.kind,
    data: t.kind === 'docx' ? await fillDocxTemplate(t.data, SAMPLE_VALUES) : t.data,
  }
}
