// Vitest global setup: one migrated database per run that every test file starts from, instead of
// migrating an empty one per file.
// - Embedded PGlite: a migrated in-memory database dumped to a file (opening an empty PGlite costs
//   2.5–4 s of CPU per file on these machines; loading the dump about 0.5 s).
// - PostgreSQL (DATABASE_URL): a migrated template database; each file's database is
//   `CREATE DATABASE … TEMPLATE` of it (the migrations cost about 0.9 s per database on a server).
// A file still runs the migrations after it opens its database, so a dump or template older than the
// migrations only costs time, never correctness.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../server/storage/database.ts'
import { migrate } from '../../server/storage/migrate.ts'
import { onServer } from './pg-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string | null
    pgTemplate: string | null
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = process.env.DATABASE_URL
  if (base) {
    project.provide('pgliteSnapshot', null)
    const name = `rc_template_${randomBytes(5).toString('hex')}`
    await onServer(base, `CREATE DATABASE ${name}`)
    const url = new URL(base)
    url.pathname = `/${name}`
    const database = await openDatabase({ url: url.toString(), dataDir: 'memory://', poolMax: 2 }) // migrate holds one connection for its lock
    await migrate(database)
    await database.close() // a template must have no connections when a copy is made
    project.provide('pgTemplate', name)
    return () => onServer(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
  project.provide('pgTemplate', null)
  const database = await openDatabase({ url: null, dataDir: 'memory://' })
  await migrate(database)
  const dump = await database.pglite!.dumpDataDir('none')
  await database.close()
  const dir = mkdtempSync(join(tmpdir(), 'rc-pglite-'))
  const file = join(dir, 'migrated.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteSnapshot', file)
  return async () => rmSync(dir, { recursive: true, force: true })
}
