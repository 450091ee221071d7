// Vitest setup file for `scripts/ci/pg-coverage.ts`: with RC_SQL_TRACE=<dir>, records every distinct
// SQL statement a test file sends to PostgreSQL (through node-postgres, in this process) and writes
// them to <dir>/<file>.json after the file. The CI's PostgreSQL pass is chosen from these traces so
// that it sends every statement the whole suite sends. Without RC_SQL_TRACE it does nothing.
import { afterAll, expect } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import pg from 'pg'
import { normalizeSql } from '../../scripts/ci/sql-shape.ts'

const dir = process.env.RC_SQL_TRACE
if (dir) {
  // one set per test file; the wrapper below is installed once per process (files may share a worker)
  const seen = new Set<string>()
  ;(globalThis as { __rcSqlSeen?: Set<string> }).__rcSqlSeen = seen
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown; __traced?: boolean }
  if (!proto.__traced) {
    const original = proto.query
    proto.query = function (this: unknown, ...args: unknown[]) {
      const q = args[0]
      const text = typeof q === 'string' ? q : (q as { text?: string } | null)?.text
      if (text) (globalThis as { __rcSqlSeen?: Set<string> }).__rcSqlSeen?.add(normalizeSql(text))
      return original.apply(this, args)
    }
    proto.__traced = true
  }
  afterAll(() => {
    const file = relative(process.cwd(), expect.getState().testPath ?? 'unknown')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `${file.replace(/[/\\]/g, '__')}.json`), JSON.stringify({ file, sql: [...seen].sort() }))
  })
}
