// The portal's leaky bucket (2 req/s, burst 50; enterprise 5/250), shared by every instance:
// in PostgreSQL one row per portal updated atomically; in PGlite (one process) in memory.
import { sql } from 'kysely'
import type { Database } from '../../storage/database.ts'

export interface BucketShape {
  burst: number
  drain: number
}

/** Our share of the portal's bucket: a little under the portal's, so we never hit its 503. */
export function bucketFor(licenceFamily: string | null): BucketShape {
  return licenceFamily === 'ent' ? { burst: 240, drain: 4.9 } : { burst: 46, drain: 1.96 }
}

export interface RateLimiter {
  /** Waits until one request may be sent to the portal now. */
  acquire(memberId: string, shape: BucketShape): Promise<void>
  /** After a 503 from the portal: treat the bucket as full. */
  drainAll(memberId: string, shape: BucketShape): Promise<void>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function createRateLimiter(database: Database): RateLimiter {
  return database.kind === 'postgres' ? postgresLimiter(database) : memoryLimiter(database)
}

type Buckets = Map<string, { level: number; at: number; burst: number; drain: number }>
// PGlite runs in one process: one bucket per portal for the whole process (its one database), however
// many clients. Keyed by the database so that two databases in one process (test files sharing a
// worker) never share a portal's bucket.
const processBuckets = new WeakMap<Database, Buckets>()

function memoryLimiter(database: Database): RateLimiter {
  let buckets = processBuckets.get(database)
  if (!buckets) processBuckets.set(database, (buckets = new Map()))
  const take = (memberId: string, s: BucketShape): number => {
    const now = Date.now()
    const b = buckets.get(memberId) ?? { level: 0, at: now }
    const level = Math.max(0, b.level - ((now - b.at) / 1000) * s.drain)
    if (level + 1 <= s.burst) {
      buckets.set(memberId, { level: level + 1, at: now, ...s })
      return 0
    }
    buckets.set(memberId, { level, at: now, ...s })
    return ((level + 1 - s.burst) / s.drain) * 1000
  }
  return {
    async acquire(memberId, s) {
      for (let wait = take(memberId, s); wait > 0; wait = take(memberId, s)) await sleep(Math.ceil(wait))
    },
    async drainAll(memberId, s) {
      buckets.set(memberId, { level: s.burst, at: Date.now(), ...s })
    },
  }
}

function postgresLimiter(database: Database): RateLimiter {
  const db = database.db
  // One conditional UPDATE: under concurrency PostgreSQL re-checks the WHERE against the latest
  // row version, so two instances can never both take the last slot.
  const take = async (memberId: string, s: BucketShape): Promise<number> => {
    const granted = await sql<{ level: number }>`
      UPDATE rate_buckets SET level = GREATEST(0, level - EXTRACT(EPOCH FROM clock_timestamp() - updated_at) * ${s.drain}) + 1, updated_at = clock_timestamp()
      WHERE member_id = ${memberId} AND GREATEST(0, level - EXTRACT(EPOCH FROM clock_timestamp() - updated_at) * ${s.drain}) + 1 <= ${s.burst}
      RETURNING level`.execute(db)
    if (granted.rows.length) return 0
    const cur = await sql<{ leaked: number }>`
      SELECT GREATEST(0, level - EXTRACT(EPOCH FROM clock_timestamp() - updated_at) * ${s.drain}) AS leaked FROM rate_buckets WHERE member_id = ${memberId}`.execute(
      db,
    )
    if (!cur.rows.length) {
      await sql`INSERT INTO rate_buckets (member_id, level, updated_at) VALUES (${memberId}, 0, clock_timestamp()) ON CONFLICT (member_id) DO NOTHING`.execute(
        db,
      )
      return 1 // retry at once
    }
    return Math.max(1, ((Number(cur.rows[0].leaked) + 1 - s.burst) / s.drain) * 1000)
  }
  return {
    async acquire(memberId, s) {
      for (let wait = await take(memberId, s); wait > 0; wait = await take(memberId, s)) await sleep(Math.ceil(wait))
    },
    async drainAll(memberId, s) {
      await sql`INSERT INTO rate_buckets (member_id, level, updated_at) VALUES (${memberId}, ${s.burst}, clock_timestamp())
        ON CONFLICT (member_id) DO UPDATE SET level = ${s.burst}, updated_at = clock_timestamp()`.execute(db)
    },
  }
}

/**
 * How full each portal's shared bucket is now (0..1 of our share), for GET /metrics: from the
 * rate_buckets rows on PostgreSQL, from this process's buckets on PGlite (one process does it all).
 */
export async function bucketFills(database: Database, override: BucketShape | null): Promise<number[]> {
  if (database.kind !== 'postgres') {
    const now = Date.now()
    return [...(processBuckets.get(database)?.values() ?? [])].map(
      (b) => Math.max(0, b.level - ((now - b.at) / 1000) * b.drain) / b.burst,
    )
  }
  const r = await sql<{ level: number; seconds: number; licence_family: string | null }>`
    SELECT b.level, EXTRACT(EPOCH FROM clock_timestamp() - b.updated_at) AS seconds, p.licence_family
    FROM rate_buckets b LEFT JOIN portals p ON p.member_id = b.member_id`.execute(database.db)
  return r.rows.map((row) => {
    const s = override ?? bucketFor(row.licence_family)
    return Math.max(0, Number(row.level) - Number(row.seconds) * s.drain) / s.burst
  })
}
