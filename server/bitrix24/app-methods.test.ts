import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_METHODS, NEEDED_SCOPES } from './app-methods.ts'

const ROOT = new URL('../../', import.meta.url).pathname
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(join(ROOT, p)).isDirectory()) return files(p)
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })
// log keys and placement codes that look like method names
const NOT_METHODS = new Set(['app.started', 'app.stopped', 'app.stopping', 'event.unhandled', 'placement.unknown'])
const CALL =
  /'((?:crm|tasks?|bizproc|placement|event|user|department|im|imopenlines|userfieldconfig|app|voximplant)\.[a-z0-9_.]+|profile|scope|batch)'/g

describe('APP_METHODS', () => {
  it('lists every REST method the app calls, and each needed scope is asked for', () => {
    const used = new Set<string>()
    for (const f of ['server', 'install', 'robots'].flatMap(files))
      for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(CALL)) if (!NOT_METHODS.has(m[1])) used.add(m[1])
    expect([...used].filter((m) => !(m in APP_METHODS))).toEqual([])
    const asked = new Set(NEEDED_SCOPES.map((s) => s.scope))
    expect(Object.values(APP_METHODS).filter((s) => s !== null && !asked.has(s))).toEqual([])
  })
})
