import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, importsOf, isTest, listSources } from './source-files.ts'

type Rule = { layer: string; files: () => string[]; forbid: (spec: string, resolved: string | null, file: string, typeOnly: boolean) => string | null }

const pkg = (spec: string, names: string[]) => names.some((n) => spec === n || spec.startsWith(`${n}/`))
const under = (resolved: string | null, dirs: string[]) => resolved !== null && dirs.some((d) => resolved === d || resolved.startsWith(`${d}/`))
const src = (dir: string) => () => listSources(dir).filter((f) => !isTest(f))

const rules: Rule[] = [
  { layer: 'server/domain', files: src('server/domain'), forbid: (s, r) =>
    pkg(s, ['fastify', '@fastify', '@bitrix24', 'pg', 'pg-boss', 'kysely', '@electric-sql', 'pino']) || s.startsWith('node:') && !['node:crypto'].includes(s) ? `external ${s}` :
    under(r, ['server/storage', 'server/bitrix24', 'server/jobs', 'server/http', 'server/use-cases', 'server/events']) ? `server layer ${r}` : null },
  { layer: 'server/use-cases', files: src('server/use-cases'), forbid: (s) => pkg(s, ['fastify', '@fastify']) ? s : null },
  { layer: 'server/bitrix24', files: src('server/bitrix24'), forbid: (s, r) => pkg(s, ['fastify', '@fastify']) ? s : under(r, ['server/use-cases', 'server/http']) ? r : null },
  { layer: 'server/storage', files: src('server/storage'), forbid: (s, r) => pkg(s, ['fastify', '@fastify', '@bitrix24']) ? s : under(r, ['server/bitrix24', 'server/http', 'server/use-cases']) ? r : null },
  { layer: 'robots', files: src('robots'), forbid: (s, r, f) => {
    if (pkg(s, ['fastify', '@fastify', '@bitrix24/b24jssdk'])) return s
    const own = f.split('/')[1]
    if (r && r.startsWith('robots/') && own !== 'kit' && own !== 'index.ts') {
      const target = r.split('/')[1]
      if (target !== own && target !== 'kit') return `other robot ${r}`
    }
    return null
  } },
  { layer: 'install', files: src('install'), forbid: (s) => pkg(s, ['vue', 'fastify', '@fastify']) ? s : null },
  { layer: 'placement-ui', files: src('placement-ui/src'), forbid: (_s, r, _f, typeOnly) =>
    under(r, ['server', 'robots', 'install', 'sandbox']) && !(under(r, ['server/http/contracts']) && typeOnly) ? `server code ${r}` : null },
  { layer: 'sandbox', files: () => listSources('sandbox'), forbid: (_s, r) => under(r, ['server', 'robots', 'install', 'placement-ui']) ? r : null },
]

describe('ARCHITECTURE.md dependency rules', () => {
  for (const rule of rules) {
    it(`${rule.layer} imports only what it may`, () => {
      const violations: string[] = []
      for (const f of rule.files()) {
        for (const ref of importsOf(f)) {
          const why = rule.forbid(ref.spec, ref.resolved, f, ref.typeOnly)
          if (why) violations.push(`${f} -> ${why}`)
        }
      }
      expect(violations).toEqual([])
    })
  }

  it('only server/config.ts reads process.env (server, robots, install, placement-ui)', () => {
    const files = ['server', 'robots', 'install', 'placement-ui/src'].flatMap((d) => listSources(d)).filter((f) => !isTest(f) && f !== 'server/config.ts')
    const readers = files.filter((f) => /process\.env/.test(readFileSync(join(ROOT, f), 'utf8')))
    expect(readers).toEqual([])
  })

  it('server/domain never reads the clock itself', () => {
    const offenders = src('server/domain')().filter((f) => /Date\.now\(\)|new Date\(\s*\)/.test(readFileSync(join(ROOT, f), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('no source file is over 300 lines', () => {
    const big = ['server', 'robots', 'install', 'placement-ui/src', 'sandbox'].flatMap((d) => listSources(d))
      .filter((f) => !f.includes('/fixtures/') && !f.endsWith('ru-production-calendar.ts') && !f.endsWith('key-rates.ts'))
      .filter((f) => readFileSync(join(ROOT, f), 'utf8').split('\n').length > 300)
    expect(big).toEqual([])
  })
})
