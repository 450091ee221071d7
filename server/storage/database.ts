import { join } from 'node:path'
import { mkdirSync } from 'node:fs'
import { Kysely, PostgresDialect } from 'kysely'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { Schema } from './schema.ts'
import { acquireLockFile } from './lock-file.ts'
import { yieldBetweenStatements } from './pglite-fair.ts'
import { RequestsFirstPGliteDialect } from './pglite-fair-dialect.ts'

export type Db = Kysely<Schema>

export interface Database {
  readonly kind: 'pglite' | 'postgres'
  readonly url: string | null
  readonly db: Db
  /** Runs a multi-statement SQL script (migrations). */
  exec(sqlText: string): Promise<void>
  readonly pglite: PGlite | null
  readonly pool: pg.Pool | null
  close(): Promise<void>
}

export interface DatabaseOptions {
  url: string | null
  /** PGlite data directory; 'memory://' for an in-memory database (tests). */
  dataDir: string
  poolMax?: number
  /** A dump of a PGlite data directory (`dumpDataDir`) an in-memory database starts from instead of an empty one. */
  snapshot?: Blob
}

// numeric and bigint come back as strings from pg; we store kopecks in bigint and want numbers
// (all amounts are checked to stay within Number.MAX_SAFE_INTEGER by the domain).
pg.types.setTypeParser(20, (v) => Number(v))

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolMax ?? 10)
  return openPglite(opts.dataDir, opts.snapshot)
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max })
  // An idle client's connection can die (server restart, admin termination); the pool drops it and
  // the next query reconnects. Without a listener, node would crash the process on that event.
  pool.on('error', (e) => {
    process.emitWarning(`PostgreSQL idle client lost: ${e.message}`)
  })
  // A client in use (inside a transaction, between two statements) whose connection dies emits
  // 'error' too, and the pool listens only to idle ones: without this, the process would crash.
  // Its next statement fails as a lost connection (retried by storage/transaction.ts) and the pool
  // drops it on release.
  pool.on('connect', (client) => {
    client.on('error', (e) => {
      process.emitWarning(`PostgreSQL client lost: ${e.message}`)
    })
  })
  try {
    const c = await pool.connect()
    c.release()
  } catch (e) {
    await pool.end()
    throw new Error(`Cannot connect to PostgreSQL at DATABASE_URL: ${(e as Error).message}`, { cause: e })
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) })
  return {
    kind: 'postgres',
    url,
    db,
    pglite: null,
    pool,
    exec: async (text) => {
      await pool.query(text)
    },
    close: async () => {
      await db.destroy()
    },
  }
}

async function openPglite(dataDir: string, snapshot?: Blob): Promise<Database> {
  const memory = dataDir.startsWith('memory://')
  let release = () => {}
  if (!memory) {
    mkdirSync(dataDir, { recursive: true })
    release = acquireLockFile(join(dataDir, '..', `${dataDir.split('/').pop()}.lock`))
  }
  let pglite: PGlite
  try {
    pglite = memory ? new PGlite(snapshot ? { loadDataDir: snapshot } : {}) : new PGlite(dataDir)
    await pglite.waitReady
  } catch (e) {
    release()
    throw e
  }
  pglite.query = wrapBigint(pglite)
  yieldBetweenStatements(pglite)
  const db = new Kysely<Schema>({ dialect: new RequestsFirstPGliteDialect({ pglite }) })
  return {
    kind: 'pglite',
    url: null,
    db,
    pglite,
    pool: null,
    exec: async (text) => {
      await pglite.exec(text)
    },
    close: async () => {
      try {
        await db.destroy()
      } finally {
        if (!pglite.closed) await pglite.close().catch(() => {})
        release()
      }
    },
  }
}

// PGlite returns int8 as bigint; convert to number like the pg type parser above.
function wrapBigint(p: PGlite): PGlite['query'] {
  const original = p.query.bind(p)
  return (async (q: string, params?: unknown[], options?: object) => {
    const res = await original(q, params, {
      ...options,
      parsers: { 20: (v: string) => Number(v), ...((options as { parsers?: object })?.parsers ?? {}) },
    })
    return res
  }) as PGlite['query']
}
