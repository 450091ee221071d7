// Property-based fuzzing of every inbound route: generated bad inputs never cause a 5xx, a crash
// or a write (nothing is enqueued). 2,000 inputs per route by default, 10,000 under SOAK=1 (fuzz-runs.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import qs from 'qs'
import { createTestContext, seedPortal } from '../helpers/app.ts'
import { fuzzRuns } from './fuzz-runs.ts'

const RUNS = fuzzRuns(2_000)
let t: Awaited<ReturnType<typeof createTestContext>>

beforeAll(async () => {
  t = await createTestContext({ TELEGRAM_WEBHOOK_SECRET: 'fuzz-secret' })
  await seedPortal(t.ctx, 'member-a', 'app-token-a')
})
afterAll(async () => t.dispose())

const queued = async () => {
  let n = 0
  for (const q of ['event-handle', 'robot-run', 'telegram-update']) n += (await t.ctx.queue.boss.findJobs(q, { queued: true })).length
  return n
}

// Arbitrary nested form objects with hostile keys and values.
const hostileKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'auth', 'data', 'event', 'member_id', 'application_token', '[]', '][', 'a][b'))
const hostileValue = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', 'null', '0', '-1', '1e309', 'NaN', '\u0000', '%', '<script>', "' OR 1=1 --", 'x'.repeat(2000)))
const formTree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, hostileValue, fc.dictionary(hostileKey, tie('node'), { maxKeys: 5 }), fc.array(tie('node'), { maxLength: 3 })),
})).node

// Bodies that look like real calls but carry a wrong token (or none): they must never enqueue.
const forgedEvent = fc.record({
  event: fc.oneof(fc.constantFrom('ONCRMDYNAMICITEMUPDATE', 'ONAPPUNINSTALL', 'ONTASKUPDATE'), hostileValue),
  data: formTree,
  auth: fc.record({ member_id: fc.oneof(fc.constant('member-a'), hostileValue), application_token: fc.string({ maxLength: 40 }).filter((s) => s !== 'app-token-a') }, { requiredKeys: [] }),
}, { requiredKeys: [] })

const bodies = fc.oneof(
  formTree.map((o) => ({ type: 'application/x-www-form-urlencoded', body: qs.stringify(o) })),
  forgedEvent.map((o) => ({ type: 'application/x-www-form-urlencoded', body: qs.stringify(o) })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'application/x-www-form-urlencoded', body: s })),
  formTree.map((o) => ({ type: 'application/json', body: JSON.stringify(o) ?? 'null' })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'application/json', body: s })),
  fc.tuple(fc.constantFrom('text/plain', 'multipart/form-data', 'application/xml', ''), fc.string({ maxLength: 100 })).map(([type, body]) => ({ type, body })),
)

const routes = ['/bitrix/events', '/bitrix/robots/penalty-calculate', '/telegram/webhook', '/bitrix/placements/counterparty-receivables', '/bitrix/install']

describe.each(routes)('fuzzing POST %s', (url) => {
  it(`answers ${RUNS} generated bad inputs without a 5xx or a write`, async () => {
    const before = await queued()
    const statuses = new Map<number, number>()
    await fc.assert(fc.asyncProperty(bodies, async ({ type, body }) => {
      const r = await t.app.inject({ method: 'POST', url, headers: type ? { 'content-type': type } : {}, payload: body })
      statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1)
      return r.statusCode < 500
    }), { numRuns: RUNS })
    expect(await queued()).toBe(before)
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true)
  }, 300_000)
})
