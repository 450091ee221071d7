// The rules of ../shared/ARCHITECTURE.md that an import graph cannot show, checked as text. The import
// rules themselves (layers, cycles, placement-ui and sandbox isolation) are .dependency-cruiser.cjs,
// run by `npm run lint`.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, isTest, listSources } from './source-files.ts'

const read = (f: string) => readFileSync(join(ROOT, f), 'utf8')
const sources = (...dirs: string[]) => dirs.flatMap((d) => listSources(d)).filter((f) => !isTest(f))

describe('ARCHITECTURE.md rules that are text, not imports', () => {
  it('only server/config.ts reads process.env (server, robots, install, contracts, placement-ui)', () => {
    const readers = sources('server', 'robots', 'install', 'contracts', 'placement-ui/src')
      .filter((f) => f !== 'server/config.ts')
      .filter((f) => /process\.env/.test(read(f)))
    expect(readers).toEqual([])
  })

  it('server/domain never reads the clock itself (time is a parameter)', () => {
    const offenders = sources('server/domain').filter((f) => /Date\.now\(\)|new Date\(\s*\)/.test(read(f)))
    expect(offenders).toEqual([])
  })

  it('use-cases, jobs, events, routes, channels and robots take "now" from the app clock (ctx.clock)', () => {
    // bookkeeping stamps that decide nothing may use the process clock; durations live in storage/ and bitrix24/
    const stamps = ['server/use-cases/statements/statement-match-index.ts']
    const offenders = sources(
      'server/use-cases',
      'server/jobs',
      'server/events',
      'server/http',
      'server/channels',
      'robots',
    )
      .filter((f) => !stamps.includes(f))
      .filter((f) => /Date\.now\(\)|new Date\(\s*\)/.test(read(f)))
    expect(offenders).toEqual([])
  })

  it('no source file is over 300 lines', () => {
    const big = ['server', 'robots', 'install', 'contracts', 'placement-ui/src', 'sandbox']
      .flatMap((d) => listSources(d))
      .filter(
        (f) => !f.includes('/fixtures/') && !f.endsWith('ru-production-calendar.ts') && !f.endsWith('key-rates.ts'),
      )
      .filter((f) => read(f).split('\n').length > 300)
    expect(big).toEqual([])
  })

  it('the checks see the tree (a moved folder would make them pass on nothing)', () => {
    expect(sources('server/domain').length).toBeGreaterThan(50)
    expect(sources('placement-ui/src').some((f) => f.endsWith('.vue'))).toBe(true)
    expect(sources('server').includes('server/config.ts')).toBe(true)
  })
})
