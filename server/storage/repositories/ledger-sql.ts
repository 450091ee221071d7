// Small SQL helpers of the ledger repositories.
import { sql, type RawBuilder } from 'kysely'

/** A `date` column as 'YYYY-MM-DD' text (drivers would turn it into a zone-dependent Date). */
export function day(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`
}

export function dayOrNull(column: string): RawBuilder<string | null> {
  return sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`
}
