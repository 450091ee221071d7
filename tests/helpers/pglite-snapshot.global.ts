// Vitest global setup: one migrated in-memory PGlite database, dumped once per run. Every test file
// starts its own database from this dump instead of an empty one (opening an empty PGlite costs
// 2.5–4 s of CPU per file on these machines; loading the dump about 1 s). The file still runs the
// migrations after loading, so a dump older than the migrations only costs time, never correctness.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../server/storage/database.ts'
import { migrate } from '../../server/storage/migrate.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string | null
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteSnapshot', null)
    return () => {}
  }
  const database = await openDatabase({ url: null, dataDir: 'memory://' })
  await migrate(database)
  const dump = await database.pglite!.dumpDataDir('none')
  await database.close()
  const dir = mkdtempSync(join(tmpdir(), 'rc-pglite-'))
  const file = join(dir, 'migrated.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteSnapshot', file)
  return () => rmSync(dir, { recursive: true, force: true })
}
