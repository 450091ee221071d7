// The admin page's connection card: GET /api/admin/connection, POST /api/admin/connection/check,
// POST /api/install/apply (the repair). Texts are codes; the UI words them in ru/en.

/** What the admin is told to do about the connection: reinstall (our tokens were refused), repair. */
export type ConnectionHint = 'reinstall-from-market' | 'repair'

export interface ConnectionPlanDto {
  /** Changes the manifest would still make in the portal (the first 50 listed). */
  count: number
  operations: string[]
  /** The dry-run failed (the portal's or the network's message). */
  error: string | null
  /** When the portal was last checked (the check is kept for a few minutes); null: not checked. */
  checkedAt: string | null
}

export interface ConnectionDto {
  status: 'active' | 'disconnected' | 'uninstalled' | 'unknown'
  reason: string | null
  domain: string | null
  appVersion: string | null
  licence: string | null
  /** The version this build installs; `outdated` when the portal was set up by another one. */
  currentVersion: string
  outdated: boolean
  plan: ConnectionPlanDto
  /** null: nothing to do. */
  hint: ConnectionHint | null
}

/** POST /api/install/apply: the steps run and the changes made. */
export interface InstallApplyDto {
  steps: string[]
  operations: unknown[]
}
