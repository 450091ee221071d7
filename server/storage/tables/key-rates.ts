// Bank of Russia key rates (migration 110): global, not per portal.
import type { ColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

export interface CbrKeyRatesTable {
  from_date: ColumnType<string, string, string>
  bp: number
  fetched_at: Timestamp
}

export interface CbrKeyRateFetchTable {
  id: number
  last_attempt_at: NullableTimestamp
  last_success_at: NullableTimestamp
  last_error: string | null
  failing_since: NullableTimestamp
}

export interface KeyRateTables {
  cbr_key_rates: CbrKeyRatesTable
  cbr_key_rate_fetch: CbrKeyRateFetchTable
}
