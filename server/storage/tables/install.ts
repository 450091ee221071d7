import type { ColumnType } from 'kysely'

export interface InstallStateTable {
  member_id: string
  state: ColumnType<unknown, string, string>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface InstallTables {
  install_state: InstallStateTable
}
