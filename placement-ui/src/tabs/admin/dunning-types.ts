// The shape of GET/PUT /api/dunning/settings as the admin page edits it. The server returns its domain
// DunningRules; placement-ui may import only http/contracts, so the edited subset is mirrored here.
export type DunningAnchor = 'invoice' | 'due' | 'previous' | 'claim-sent'
export type DunningUnit = 'working' | 'calendar'
export type DunningDayOff = 'next' | 'previous' | 'keep'
export type DunningChannel = 'email' | 'telegram' | 'notify'

export interface LadderStepForm { id: string; anchor: DunningAnchor; offset: number; unit: DunningUnit; dayOff: DunningDayOff; channels: DunningChannel[]; template: string }
export interface LadderForm {
  id: string
  steps: LadderStepForm[]
  tail: { everyDays: number; unit: DunningUnit; maxRepeats: number; channels: DunningChannel[]; template: string } | null
  window: { from: string; to: string }
}
export interface DunningRulesForm {
  ladders: LadderForm[]
  templates: Record<string, Partial<Record<'ru' | 'en', { subject: string; body: string }>>>
  /** Everything else (rules, people, payment details) travels back unchanged. */
  [rest: string]: unknown
}

/** A new step id that is not used in the ladder (ids are part of effect keys and never reused). */
export function newStepId(ladder: LadderForm, now: number): string {
  const used = new Set(ladder.steps.map((s) => s.id))
  let id = `s${now.toString(36)}`
  for (let i = 1; used.has(id); i++) id = `s${now.toString(36)}-${i}`
  return id
}
