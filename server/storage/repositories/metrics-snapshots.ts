// The figures each worker process publishes for GET /metrics (migration 120). Rows of processes gone
// for a week are dropped: their counters then restart from zero, which Prometheus's rate() allows.
import { sql, type Kysely } from 'kysely'

const KEEP_DAYS = 7

export function metricsSnapshotsRepository(db: Kysely<unknown>) {
  return {
    async save(processId: string, metrics: unknown): Promise<void> {
      await sql`INSERT INTO metrics_snapshots (process_id, metrics, updated_at)
        VALUES (${processId}, ${JSON.stringify(metrics)}::jsonb, now())
        ON CONFLICT (process_id) DO UPDATE SET metrics = EXCLUDED.metrics, updated_at = now()`.execute(db)
    },
    /** Every other process's latest figures (old rows deleted first). */
    async others(processId: string): Promise<unknown[]> {
      await sql`DELETE FROM metrics_snapshots WHERE updated_at < now() - make_interval(days => ${KEEP_DAYS})`.execute(
        db,
      )
      const r = await sql<{ metrics: unknown }>`
        SELECT metrics FROM metrics_snapshots WHERE process_id <> ${processId}`.execute(db)
      return r.rows.map((x) => (typeof x.metrics === 'string' ? JSON.parse(x.metrics) : x.metrics))
    },
  }
}
