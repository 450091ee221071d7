// Vitest global setup: one migrated database per run that every test file starts from, instead of
// migrating an empty one per file.
// - Embedded PGlite: a migrated in-memory database dumped to a file (opening an empty PGlite costs
//   2.5–4 s of CPU per file on these machines; loading the dump about 0.5 s).
// - PostgreSQL (DATABASE_URL): a migrated template database; each file's database is
//   `CREATE DATABASE … TEMPLATE` of it (the migrations cost about 0.9 s per database on a server).
// Both hold the job queue's schema and every queue too: pg-boss installs its schema and creates each
// queue in a transaction of its own, about 4 s of PGlite CPU per app start (27 queues) that every file
// paid again. A file still runs the migrations and the queue's setup after it opens its database (both
// skip what exists), so a dump or template older than the code only costs time, never correctness.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../server/storage/database.ts'
import { migrate } from '../../server/storage/migrate.ts'
import { onServer } from './pg-server.ts'
import { createQueue } from '../../server/jobs/queue.ts'
import { jobTasks } from '../../server/jobs/tasks/index.ts'
import { loadConfig } from '../../server/config.ts'
import pino from 'pino'
import type { Database } from '../../server/storage/database.ts'

/** The migrations, pg-boss's schema and every queue as `createContext` makes them. */
async function prepare(database: Database): Promise<void> {
  await migrate(database)
  const queue = await createQueue({
    database,
    log: pino({ level: 'silent' }),
    definitions: jobTasks.map((t) => t.definition),
    retryDelayMax: loadConfig({ APP_ENV: 'test', APP_SECRET_KEY: 'test-secret-key-test-secret-key-0000' }).queue
      .retryDelayMaxSeconds,
  })
  await queue.stop(true) // closes the queue's own pool too: a template with connections cannot be copied
}

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
    await prepare(database)
    await database.close() // a template must have no connections when a copy is made
    project.provide('pgTemplate', name)
    return () => onServer(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
  project.provide('pgTemplate', null)
  const database = await openDatabase({ url: null, dataDir: 'memory://' })
  await prepare(database)
  const dump = await database.pglite!.dumpDataDir('none')
  await database.close()
  const dir = mkdtempSync(join(tmpdir(), 'rc-pglite-'))
  const file = join(dir, 'migrated.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteSnapshot', file)
  return async () => rmSync(dir, { recursive: true, force: true })
}
