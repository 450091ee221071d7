// /api/admin/claim-settings request and response types, shared with placement-ui (type-only imports).

/** What the admin saves: null ids and the default days mean "as by default". */
export interface ClaimSettingsInputDto {
  accountantId: number | null
  taskDaysBefore: number
  specialistId: number | null
  /** When a claim's pre-trial period passes unpaid; optional: a form without it keeps the stored choice. */
  afterPretrial?: AfterPretrial
}

/** move: the case goes to court preparation; task: the lawyer gets a task to decide; off: nothing. */
export type AfterPretrial = 'move' | 'task' | 'off'

/** Where a person falls back to when the admin names nobody: the approval role and who holds it now. */
export interface ClaimSettingsFallbackDto {
  role: 'juniorAccountant' | 'chiefAccountant' | 'lawyer' | null
  userId: number | null
}

export interface ClaimSettingsDto {
  /** As the admin saved it (null: not set, the default applies). */
  stored: {
    accountantId: number | null
    taskDaysBefore: number | null
    specialistId: number | null
    afterPretrial?: AfterPretrial | null
  }
  /** What the tranche and completion tasks use now, after the fallbacks. */
  effective: ClaimSettingsInputDto
  /** The fallbacks: the approval roles and the default number of working days. */
  defaults: {
    accountant: ClaimSettingsFallbackDto
    specialist: ClaimSettingsFallbackDto
    taskDaysBefore: number
    afterPretrial?: AfterPretrial
  }
}
