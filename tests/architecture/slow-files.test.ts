// The test sequencer starts the files of tests/slow-files.json first (tests/helpers/slow-first-sequencer.ts),
// looked up by their path from the repository's root: a key written from another folder ("../ci-clone/…")
// matches nothing, and the order silently falls back to Vitest's own.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url)
const slow = JSON.parse(readFileSync(new URL('tests/slow-files.json', root), 'utf8')) as Record<string, number>

describe('tests/slow-files.json', () => {
  it('names test files by their path from the repository root, each one existing', () => {
    const keys = Object.keys(slow)
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.filter((k) => k.startsWith('.') || k.startsWith('/'))).toEqual([])
    expect(keys.filter((k) => !existsSync(new URL(k, root)))).toEqual([])
  })
})
