import { describe, expect, it } from 'vitest'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { robots } from './index.ts'

describe('robot registry', () => {
  it('lists exactly the robot folders (folder name = robot code)', () => {
    const dir = import.meta.dirname
    const folders = readdirSync(dir)
      .filter((f) => f !== 'kit' && statSync(join(dir, f)).isDirectory())
      .sort()
    expect(robots.map((r) => r.code).sort()).toEqual(folders)
  })

  it('has unique codes', () => {
    expect(new Set(robots.map((r) => r.code)).size).toBe(robots.length)
  })
})
