import type { ColumnType } from 'kysely'

export interface RateBucketsTable {
  member_id: string
  level: number
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface RateLimitTables {
  rate_buckets: RateBucketsTable
}
