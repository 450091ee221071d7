import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json = ColumnType<unknown, string, string>

export interface PortalsTable {
  member_id: string
  domain: string
  client_endpoint: string
  server_endpoint: string
  application_token: string | null
  status: 'active' | 'disconnected' | 'uninstalled'
  status_reason: string | null
  licence_family: string | null
  timezone: Generated<string>
  lang: Generated<string>
  app_version: string | null
  purge_after: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  installed_at: Timestamp
  updated_at: Timestamp
}

export interface PortalTokensTable {
  member_id: string
  access_token_enc: string
  refresh_token_enc: string
  expires_at: Timestamp
  user_id: number | null
  scope: string | null
  version: Generated<number>
  updated_at: Timestamp
}

export interface PortalSettingsTable {
  member_id: string
  key: string
  value: Json
  updated_by: string | null
  updated_at: Timestamp
}

export interface EffectsTable {
  key: string
  member_id: string
  status: 'pending' | 'done'
  result: Json | null
  created_at: Timestamp
  done_at: Timestamp | null
}

export interface AuditLogTable {
  id: Generated<number>
  member_id: string
  actor: string
  source: string
  action: string
  entity: string | null
  entity_id: string | null
  details: Json | null
  created_at: Timestamp
}

export interface FoundationTables {
  portals: PortalsTable
  portal_tokens: PortalTokensTable
  portal_settings: PortalSettingsTable
  effects: EffectsTable
  audit_log: AuditLogTable
}
