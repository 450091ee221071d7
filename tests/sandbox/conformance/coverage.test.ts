// Every REST method the app calls (server/, install/, robots/) has a conformance test: a test in
// this folder whose title starts with the method name ("crm.item.list: …"), or a file named after
// it (tasks-task-list.test.ts covers tasks.task.list). A new call without one fails here.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { registry } from '../../../sandbox/methods/index.ts'
import { appRestMethods } from './app-methods.ts'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../../..')

function coveredMethods(): Set<string> {
  const covered = new Set<string>()
  for (const name of readdirSync(here).filter((n) => n.endsWith('.test.ts') && n !== 'coverage.test.ts')) {
    covered.add(name.replace(/\.test\.ts$/, '').replace(/-/g, '.'))
    const src = readFileSync(join(here, name), 'utf8')
    for (const m of src.matchAll(/\b(?:it|test)\(\s*[`'"]([a-zA-Z][\w.]*)[:\s]/g)) covered.add(m[1])
  }
  return covered
}

describe('conformance coverage', () => {
  const methods = appRestMethods(root, Object.keys(registry))

  it('finds the methods the app calls (the extraction itself works)', () => {
    const names = methods.map((m) => m.method)
    for (const m of ['crm.item.list', 'crm.item.add', 'userfieldconfig.update', 'tasks.task.add', 'batch', 'profile'])
      expect(names).toContain(m)
    expect(names).not.toContain('app.started') // a log event name, not a method
    expect(names.length).toBeGreaterThan(40)
  })

  it('every method the app calls is served by the sandbox', () => {
    expect(methods.filter((m) => !(m.method in registry))).toEqual([])
  })

  it('every method the app calls has a conformance test', () => {
    const covered = coveredMethods()
    expect(methods.filter((m) => !covered.has(m.method)).map((m) => `${m.method} (${m.files.join(', ')})`)).toEqual([])
  })
})
