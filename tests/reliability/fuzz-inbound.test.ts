// Property-based fuzzing of every route outside /api (the list is checked against the running app):
// generated bad inputs never cause a 5xx, a crash or a write (nothing is enqueued). 2,000 inputs per route by default, 10,000 under SOAK=1 (fuzz-runs.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import qs from 'qs'
import { createTestContext, seedPortal } from '../helpers/app.ts'
import { fuzzRuns } from './fuzz-runs.ts'
import { registeredRoutes, routeKey } from './route-list.ts'

const RUNS = fuzzRuns(2_000)
let t: Awaited<ReturnType<typeof createTestContext>>

beforeAll(async () => {
  t = await createTestContext({ TELEGRAM_WEBHOOK_SECRET: 'fuzz-secret' })
  await seedPortal(t.ctx, 'member-a', 'app-token-a')
})
afterAll(async () => t.dispose())

const queued = async () => {
  let n = 0
  for (const q of ['event-handle', 'robot-run', 'telegram-update'])
    n += (await t.ctx.queue.boss.findJobs(q, { queued: true })).length
  return n
}

// Arbitrary nested form objects with hostile keys and values.
const hostileKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'auth',
    'data',
    'event',
    'member_id',
    'application_token',
    '[]',
    '][',
    'a][b',
  ),
)
const hostileValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', 'null', '0', '-1', '1e309', 'NaN', '\u0000', '%', '<script>', "' OR 1=1 --", 'x'.repeat(2000)),
)
const formTree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    hostileValue,
    fc.dictionary(hostileKey, tie('node'), { maxKeys: 5 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node

// Bodies that look like real calls but carry a wrong token (or none): they must never enqueue.
const forgedEvent = fc.record(
  {
    event: fc.oneof(fc.constantFrom('ONCRMDYNAMICITEMUPDATE', 'ONAPPUNINSTALL', 'ONTASKUPDATE'), hostileValue),
    data: formTree,
    auth: fc.record(
      {
        member_id: fc.oneof(fc.constant('member-a'), hostileValue),
        application_token: fc.string({ maxLength: 40 }).filter((s) => s !== 'app-token-a'),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
)

const bodies = fc.oneof(
  formTree.map((o) => ({ type: 'application/x-www-form-urlencoded', body: qs.stringify(o) })),
  forgedEvent.map((o) => ({ type: 'application/x-www-form-urlencoded', body: qs.stringify(o) })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'application/x-www-form-urlencoded', body: s })),
  formTree.map((o) => ({ type: 'application/json', body: JSON.stringify(o) ?? 'null' })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'application/json', body: s })),
  fc
    .tuple(fc.constantFrom('text/plain', 'multipart/form-data', 'application/xml', ''), fc.string({ maxLength: 100 }))
    .map(([type, body]) => ({ type, body })),
)

// [route as registered, URL fuzzed]
const posts = [
  ['/bitrix/events', '/bitrix/events'],
  ['/bitrix/robots/:code', '/bitrix/robots/penalty-calculate'],
  ['/telegram/webhook', '/telegram/webhook'],
  ['/bitrix/placements/:tab', '/bitrix/placements/counterparty-receivables'],
  ['/bitrix/install', '/bitrix/install'],
]
const routes = posts.map(([, url]) => url)
// GET routes: the path parameter and the query are generated ('*' is the UI's static files under /ui/)
const gets = [
  '/bitrix/placements/:tab',
  '/bitrix/install',
  '/files/claim-letters/:id',
  '/files/reconciliation-acts/:kind/:id',
  '/healthz',
  '/metrics',
  '/favicon.ico',
  '*',
]

describe('inbound fuzz coverage', () => {
  it('fuzzes every route outside /api the app registers', async () => {
    const covered = [...posts.map(([r]) => `POST ${r}`), ...gets.map((r) => `GET ${r}`)]
    const registered = (await registeredRoutes(t.app)).filter((r) => !r.url.startsWith('/api/')).map(routeKey)
    expect(
      registered.filter((k) => !covered.includes(k)),
      'routes outside /api with no fuzz here',
    ).toEqual([])
    expect(
      covered.filter((k) => !registered.includes(k) && k !== 'GET *'),
      'fuzzed routes that no longer exist',
    ).toEqual([])
  })
})

const segment = fc.oneof(
  hostileValue,
  fc.constantFrom('..', '..%2F..%2Fpackage.json', '%2e%2e', 'admin', '1', 'index.html', 'assets'),
)
const getUrls = fc
  .tuple(fc.constantFrom(...gets), fc.array(segment, { minLength: 1, maxLength: 3 }), formTree)
  .map(([route, segs, q]) => {
    const path =
      route === '*'
        ? `/ui/${segs.map(encodeURIComponent).join('/')}`
        : route.replace(/:\w+/g, () => encodeURIComponent(segs[0]))
    const query = q && typeof q === 'object' ? qs.stringify(q) : ''
    return query ? `${path}?${query}` : path
  })

describe('fuzzing the GET routes outside /api', () => {
  it(`answers ${RUNS} generated bad paths and queries without a 5xx, a write or a file from outside the UI build`, async () => {
    const before = await queued()
    await fc.assert(
      fc.asyncProperty(getUrls, async (url) => {
        const r = await t.app.inject({ method: 'GET', url })
        return r.statusCode < 500 && !r.body.includes('"receivables-control-b24"')
      }),
      { numRuns: RUNS },
    )
    expect(await queued()).toBe(before)
  }, 300_000)
})

describe.each(routes)('fuzzing POST %s', (url) => {
  it(`answers ${RUNS} generated bad inputs without a 5xx or a write`, async () => {
    const before = await queued()
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(bodies, async ({ type, body }) => {
        const r = await t.app.inject({
          method: 'POST',
          url,
          headers: type ? { 'content-type': type } : {},
          payload: body,
        })
        statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1)
        return r.statusCode < 500
      }),
      { numRuns: RUNS },
    )
    expect(await queued()).toBe(before)
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true)
  }, 300_000)
})
