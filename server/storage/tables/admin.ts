import type { ColumnType, Generated } from 'kysely'

export interface ApiKeysTable {
  id: Generated<number>
  member_id: string
  name: string
  key_hash: string
  prefix: string
  created_by: string
  created_at: ColumnType<Date, Date | string | undefined, never>
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
}

export interface AdminTables {
  api_keys: ApiKeysTable
}
