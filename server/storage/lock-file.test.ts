import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { acquireLockFile, LockHeldError } from './lock-file.ts'

describe('PGlite lock file', () => {
  it('refuses when another live process holds the directory', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lock-')), 'db.lock')
    writeFileSync(path, '1') // pid 1 is always alive
    expect(() => acquireLockFile(path)).toThrow(LockHeldError)
    expect(() => acquireLockFile(path)).toThrow(/one process per data directory/)
  })

  it('takes over a stale lock of a dead process and releases it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lock-')), 'db.lock')
    writeFileSync(path, '999999999')
    const release = acquireLockFile(path)
    expect(existsSync(path)).toBe(true)
    release()
    expect(existsSync(path)).toBe(false)
  })
})
