// A throw-away database per test file: in-memory PGlite by default, or a fresh PostgreSQL
// database (created and dropped) when DATABASE_URL is set, so CI runs the suite on both.
import { onServer } from './pg-server.ts'
import { randomBytes } from 'node:crypto'
import { openDatabase, type Database } from '../../server/storage/database.ts'
import { migrate } from '../../server/storage/migrate.ts'
import { readFileSync } from 'node:fs'
import { inject } from 'vitest'

export async function createTestDatabaseUrl(): Promise<{ url: string | null; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL
  if (!base) return { url: null, drop: async () => {} }
  const name = `rc_test_${randomBytes(5).toString('hex')}`
  // a copy of the run's migrated template (tests/helpers/migrated-database.global.ts), when there is one
  const template = process.env.VITEST ? inject('pgTemplate') : null
  await onServer(base, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
  const u = new URL(base)
  u.pathname = `/${name}`
  return {
    url: u.toString(),
    drop: () => onServer(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {}),
  }
}

export async function openTestDatabase(): Promise<Database & { dispose: () => Promise<void> }> {
  const { url, drop } = await createTestDatabaseUrl()
  const database = await openDatabase({ url, dataDir: 'memory://', poolMax: 5, snapshot: url ? undefined : migrated() })
  await migrate(database)
  return Object.assign(database, {
    dispose: async () => {
      await database.close()
      await drop()
    },
  })
}

let snapshot: Blob | null | undefined
/** The migrated database dumped by the global setup (tests/helpers/migrated-database.global.ts), if any. */
function migrated(): Blob | undefined {
  if (snapshot === undefined) {
    const file = process.env.VITEST ? inject('pgliteSnapshot') : null // benches run outside Vitest
    snapshot = file ? new Blob([readFileSync(file)]) : null
  }
  return snapshot ?? undefined
}
