import type { ColumnType } from 'kysely'

export interface RobotWaitsTable {
  member_id: string
  event_token: string
  code: string
  kind: string
  ref: string
  data: ColumnType<unknown, string, string>
  deadline: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  created_at: ColumnType<Date, Date | string | undefined, never>
}

export interface RobotWaitTables {
  robot_waits: RobotWaitsTable
}
