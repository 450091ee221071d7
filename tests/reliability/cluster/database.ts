// A throw-away PostgreSQL database for the multi-process run: created from DATABASE_URL (or the
// local postgres@127.0.0.1:5432 admin connection), dropped at the end. A "database restart" is
// simulated by terminating every backend of this database only: other test files share the server.
import pg from 'pg'
import { randomBytes } from 'node:crypto'

export interface ThrowawayDatabase {
  url: string
  name: string
  /** Terminates every connection to our database (pg_terminate_backend); answers how many. */
  terminateConnections(): Promise<number>
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>
  drop(): Promise<void>
}

const DEFAULT_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres'

async function adminRun<T extends pg.QueryResultRow>(
  adminUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 })
  c.on('error', () => {})
  await c.connect()
  try {
    return (await c.query<T>(text, values)).rows
  } finally {
    await c.end().catch(() => {})
  }
}

export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN
  const name = `rc_mp_${randomBytes(5).toString('hex')}`
  try {
    await adminRun(adminUrl, `CREATE DATABASE ${name}`)
  } catch (e) {
    throw new Error(
      `The multi-process reliability test needs PostgreSQL and could not use it at ${adminUrl.replace(/\/\/[^@/]*@/, '//***@')} ` +
        `(${(e as Error).message}). Start PostgreSQL (see .ci/run) or set DATABASE_URL to an admin connection.`,
      { cause: e },
    )
  }
  const u = new URL(adminUrl)
  u.pathname = `/${name}`
  const url = u.toString()
  const pool = new pg.Pool({ connectionString: url, max: 2 })
  pool.on('error', () => {}) // our own connections are terminated too: the next query reconnects
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await pool.query<T>(text, values)).rows
      } catch (e) {
        if (attempt >= 5 || !/terminat|connection|ECONNRESET/i.test((e as Error).message)) throw e
        await new Promise((r) => setTimeout(r, 200))
      }
    }
  }
  return {
    url,
    name,
    query,
    async terminateConnections() {
      const rows = await adminRun<{ n: number }>(
        adminUrl,
        'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      )
      return rows[0]?.n ?? 0
    },
    async drop() {
      await pool.end().catch(() => {})
      await adminRun(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}
