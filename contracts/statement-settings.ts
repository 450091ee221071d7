// /api/admin/statement-settings request and response types, shared with placement-ui (type-only imports).

/** What the admin saves: the portal users told that statement lines wait for review (empty: the default). */
export interface StatementSettingsInputDto {
  notifyIds: number[]
}

export interface StatementSettingsDto {
  /** As the admin saved it (empty: not set, the approval roles' accountants are told). */
  stored: StatementSettingsInputDto
  /** Who is told now (and may work the review queue besides admins), after the fallback. */
  effective: number[]
  /** The fallback: the approval roles' accountants. */
  defaults: { chiefAccountant: number | null; juniorAccountant: number | null }
}
