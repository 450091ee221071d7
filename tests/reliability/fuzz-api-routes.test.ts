// Property-based fuzzing of every /api route the app registers, on a sandbox portal with real user
// tokens: generated bad requests (broken credentials, path parameters, envelopes, bodies, queries)
// never get a 5xx, never take the process down, and never write: every table's content, the job
// queue and the portal's write counter are the same after a route's run as before it.
// Runs per route: see fuzz-runs.ts (a reduced count by default, the 10,000 under SOAK=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { startFuzzWorld, type FuzzWorld } from './fuzz-world.ts'
import { apiRoutes, routeKey } from './route-list.ts'
import { routeSpecs, type RouteSpec } from './fuzz-route-specs.ts'
import { requests } from './fuzz-inputs.ts'
import { fuzzRuns } from './fuzz-runs.ts'
import { lf } from '../fixtures/statements/encode.ts'
import { OUR, oneCLines } from '../fixtures/statements/one-c-file.ts'

const RUNS = fuzzRuns(100)
let w: FuzzWorld
let specs: RouteSpec[]

// a valid statement (not yet imported), sent when another part of the upload is broken
const statement = Buffer.from(
  lf(
    oneCLines(
      [
        {
          number: '2',
          date: '03.12.2024',
          amount: '7.00',
          payerInn: '7799999999',
          payer: 'ООО Другой',
          payerAccount: '2',
          payeeAccount: OUR,
          credited: '03.12.2024',
          purpose: 'Оплата',
        },
      ],
      [{ account: OUR, opening: '0', incoming: '7', outgoing: '0', closing: '7' }],
    ),
  ),
)

beforeAll(async () => {
  w = await startFuzzWorld()
  specs = routeSpecs(w.ids, statement)
}, 120_000)
afterAll(async () => w?.close())

describe('fuzz coverage', () => {
  it('covers every /api route the app registers, and nothing it does not', async () => {
    const registered = (await apiRoutes(w.app)).map(routeKey).sort()
    const covered = specs.map(routeKey).sort()
    expect(
      registered.filter((k) => !covered.includes(k)),
      'routes with no fuzz spec in fuzz-route-specs.ts',
    ).toEqual([])
    expect(
      covered.filter((k) => !registered.includes(k)),
      'fuzz specs of routes that no longer exist',
    ).toEqual([])
    expect(registered.length).toBeGreaterThan(60)
  })
})

describe('fuzzing every /api route', () => {
  // one test per route, named from the spec list (checked against the running app above)
  const names = routeSpecs(
    { receivable: '1', payment: '1', company: '1', line: '1', statement: '1', apiKey: '1', inn: '1' },
    Buffer.alloc(0),
  ).map(routeKey)
  it.each(names)(
    `%s: ${RUNS} generated bad requests, no 5xx, no write`,
    async (name) => {
      const spec = specs.find((s) => routeKey(s) === name)!
      const before = await w.snapshot()
      const statuses: Record<string, number> = {}
      const accepted: string[] = []
      await fc.assert(
        fc.asyncProperty(
          requests(spec, { memberId: w.memberId, admin: w.admin, clerk: w.clerk, apiKey: w.apiKey }),
          async (r) => {
            const res = await w.app.inject({
              method: spec.method as 'GET',
              url: r.url,
              headers: r.headers,
              ...(r.payload !== undefined ? { payload: r.payload } : {}),
            })
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1
            if (res.statusCode < 400 && accepted.length < 5)
              accepted.push(`${r.axis}/${r.role} ${r.url} ${String(r.payload).slice(0, 200)} -> ${res.statusCode}`)
            if (r.axis === 'auth' && res.statusCode !== 401) return false
            return res.statusCode < 500
          },
        ),
        { numRuns: RUNS },
      )
      const after = await w.snapshot()
      const changed = Object.keys(after).filter((k) => after[k] !== before[k])
      expect(
        changed,
        `writes after bad input; accepted requests: ${JSON.stringify(accepted, null, 1)}; statuses ${JSON.stringify(statuses)}`,
      ).toEqual([])
      expect((await w.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    },
    600_000,
  )
})
