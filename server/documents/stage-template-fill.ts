// Fills a DOCX print form: every {{variable}} of the template becomes its value (the `docx`
// library's patchDocument keeps the template's own formatting). Unknown placeholders stay as written.
import { loadDocx } from './libraries.ts'

/** The variables a stage form may use; values are ready-made text (amounts formatted, dates dd.mm.yyyy). */
export const STAGE_FORM_VARIABLES = [
  'date',
  'caseTitle',
  'creditor',
  'creditorInn',
  'debtor',
  'debtorInn',
  'contracts',
  'invoices',
  'principal',
  'interest',
  'penalty',
  'total',
  'tranches',
] as const
export type StageFormVariable = (typeof STAGE_FORM_VARIABLES)[number]
export type StageFormValues = Record<StageFormVariable, string>

export async function fillDocxTemplate(template: Buffer, values: StageFormValues): Promise<Buffer> {
  const { patchDocument, PatchType, TextRun } = await loadDocx()
  const patches = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, { type: PatchType.PARAGRAPH, children: [new TextRun(v)] } as const]),
  )
  const out = await patchDocument({ outputType: 'nodebuffer', data: template, patches, recursive: true })
  return Buffer.from(out)
}

/** The {{variables}} the template uses. */
export async function templateVariables(template: Buffer): Promise<readonly string[]> {
  const { patchDetector } = await loadDocx()
  return patchDetector({ data: template })
}
