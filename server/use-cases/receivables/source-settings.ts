// Where receivables come from besides the tab: won deals (entityTypeId 2) or the portal's smart invoices (31).
// Setting `receivables.source`: the source and, per pipeline (category id), the stage that creates the invoice.
import { LedgerError } from './ledger-error.ts'
import type { SettingsRepository } from '../../storage/repositories/settings.ts'

export const SOURCE_SETTING = 'receivables.source'
export const DEAL_TYPE = 2
export const SMART_INVOICE_TYPE = 31

export type SourceKind = 'off' | 'deals' | 'invoices'

export interface SourceSettings {
  source: SourceKind
  /** category id (as a string) -> the stage id that creates the receivable */
  stages: Record<string, string>
}

export const SOURCE_OFF: SourceSettings = { source: 'off', stages: {} }

export const sourceEntityType = (s: SourceKind): number | null =>
  s === 'deals' ? DEAL_TYPE : s === 'invoices' ? SMART_INVOICE_TYPE : null

export async function readSourceSettings(settings: SettingsRepository, memberId: string): Promise<SourceSettings> {
  const raw = await settings.get<unknown>(memberId, SOURCE_SETTING)
  try {
    return raw ? checkSourceSettings(raw) : SOURCE_OFF
  } catch {
    return SOURCE_OFF
  }
}

const bad = (message: string, field: string, code = 'settings.invalid') =>
  new LedgerError('invalid', code, message, { field })

/** Validates what the admin page sends; a bad value names its field and nothing is stored. */
export function checkSourceSettings(v: unknown): SourceSettings {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw bad('settings must be an object', 'source')
  const o = v as Record<string, unknown>
  const extra = Object.keys(o).filter((k) => k !== 'source' && k !== 'stages')
  if (extra.length) throw bad(`unknown field ${extra[0]}`, extra[0])
  if (o.source !== 'off' && o.source !== 'deals' && o.source !== 'invoices')
    throw bad('source must be off, deals or invoices', 'source')
  const stagesIn = o.stages ?? {}
  if (!stagesIn || typeof stagesIn !== 'object' || Array.isArray(stagesIn))
    throw bad('stages must be an object: pipeline id -> stage id', 'stages')
  const stages: Record<string, string> = {}
  const entries = Object.entries(stagesIn as Record<string, unknown>)
  if (entries.length > 100) throw bad('at most 100 pipelines', 'stages')
  for (const [cat, stage] of entries) {
    if (!/^(0|[1-9]\d{0,9})$/.test(cat)) throw bad(`pipeline id ${cat.slice(0, 20)} is not a number`, 'stages')
    if (stage === null || stage === '') continue
    if (typeof stage !== 'string' || !/^[A-Za-z0-9_:-]{1,50}$/.test(stage))
      throw bad(`stage of pipeline ${cat} is not a stage id`, `stages.${cat}`)
    stages[cat] = stage
  }
  if (o.source !== 'off' && Object.keys(stages).length === 0)
    throw bad('choose the stage that creates the invoice in at least one pipeline', 'stages', 'source.stages-required')
  return { source: o.source, stages }
}
