import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Database } from './database.ts'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))
const LOCK_ID = 7_246_001 // advisory lock key: one migrator at a time across instances

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }))
}

/** Applies pending migrations in order; safe to run from several instances at once. */
export async function migrate(database: Database): Promise<string[]> {
  const applied: string[] = []
  const run = async () => {
    await database.exec(
      'CREATE TABLE IF NOT EXISTS app_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const done = await sql<{ name: string }>`SELECT name FROM app_migrations`.execute(database.db)
    const have = new Set(done.rows.map((r) => r.name))
    for (const m of listMigrations()) {
      if (have.has(m.name)) continue
      await database.exec(`BEGIN;\n${m.sql}\n;INSERT INTO app_migrations (name) VALUES ('${m.name}');\nCOMMIT;`)
      applied.push(m.name)
    }
  }
  if (database.kind === 'postgres' && database.pool) {
    const client = await database.pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID])
      try {
        await run()
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID])
      }
    } finally {
      client.release()
    }
  } else {
    await run()
  }
  return applied
}
