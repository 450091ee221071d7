import { describe, expect, it } from 'vitest'
import { folderCycles, folderOf } from './folder-cycles.ts'

describe('folder cycles', () => {
  it('names a folder unit by capability in server/ and by top folder elsewhere', () => {
    expect(folderOf('server/use-cases/claims/open-claim.ts')).toBe('server/use-cases')
    expect(folderOf('server/jobs/tasks/robot-run.ts')).toBe('server/jobs/tasks')
    expect(folderOf('server/wiring.ts')).toBe('server')
    expect(folderOf('robots/kit/registration.ts')).toBe('robots/kit')
    expect(folderOf('install/resources/robots.ts')).toBe('install')
  })

  it('finds a cycle that no single file closes, and shows the files that make it', () => {
    const cycles = folderCycles([
      { from: 'server/use-cases/portal/install-portal.ts', to: 'install/reconcile.ts' },
      { from: 'install/resources/robots.ts', to: 'robots/index.ts' },
      { from: 'robots/payment-record/index.ts', to: 'server/use-cases/receivables/record-payment.ts' },
    ])
    expect(cycles).toHaveLength(1)
    expect(cycles[0].folders).toEqual(['install', 'robots', 'server/use-cases', 'install'])
    expect(cycles[0].example).toEqual([
      'install/resources/robots.ts > robots/index.ts',
      'robots/payment-record/index.ts > server/use-cases/receivables/record-payment.ts',
      'server/use-cases/portal/install-portal.ts > install/reconcile.ts',
    ])
  })

  it('passes a graph that goes one way, and ignores imports inside a folder', () => {
    expect(
      folderCycles([
        { from: 'server/http/api/x.ts', to: 'server/use-cases/a/y.ts' },
        { from: 'server/use-cases/a/y.ts', to: 'server/use-cases/b/z.ts' },
        { from: 'server/use-cases/b/z.ts', to: 'server/use-cases/a/w.ts' },
        { from: 'server/use-cases/a/y.ts', to: 'server/domain/m.ts' },
      ]),
    ).toEqual([])
  })
})
