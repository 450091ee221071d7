import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fails, sdkFrom, setup, type World } from './harness.ts'

let w: World

beforeAll(async () => {
  w = await setup({ limits: true })
})
afterAll(async () => w.close())

describe('leaky bucket', () => {
  it('a burst of 60 calls gets 503 QUERY_LIMIT_EXCEEDED for the calls over 50', async () => {
    w.sb.admin.resetLimits(w.portalId)
    w.sb.admin.resetCounters(w.portalId)
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => call(w.b24, 'profile')))
    const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
    expect(rejected.length).toBeGreaterThanOrEqual(9)
    expect(rejected.length).toBeLessThanOrEqual(10)
    expect(rejected.every((r) => r.reason.code === 'QUERY_LIMIT_EXCEEDED' && r.reason.status === 503)).toBe(true)
    expect(w.sb.admin.counters(w.portalId).status503).toBe(rejected.length)
    expect(w.sb.admin.counters(w.portalId).limitExceeded).toBe(rejected.length)
  })

  it('a client that respects 2/s with burst 50 (the SDK default limiter) never sees a 503', async () => {
    w.sb.admin.resetLimits(w.portalId)
    w.sb.admin.resetCounters(w.portalId)
    const polite = sdkFrom(w.sb.admin.issueTokens(w.portalId, w.appId), w.app, '', false)
    await Promise.all(Array.from({ length: 54 }, () => call(polite, 'profile')))
    const c = w.sb.admin.counters(w.portalId)
    expect(c.status503).toBe(0)
    expect(c.limitExceeded).toBe(0)
    expect(c.byMethod.profile).toBe(54)
  })

  it('a batch of 50 commands costs one request; enterprise drains 5/s with burst 250', async () => {
    w.sb.admin.resetLimits(w.portalId)
    w.sb.admin.resetCounters(w.portalId)
    await call(w.b24, 'batch', { cmd: Array.from({ length: 50 }, () => 'profile') })
    expect(w.sb.admin.bucketLevel(w.portalId)).toBeLessThan(1.01)
    w.sb.admin.setLicense(w.portalId, 'ent')
    w.sb.admin.resetLimits(w.portalId)
    const results = await Promise.allSettled(Array.from({ length: 120 }, () => call(w.b24, 'profile')))
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true)
    w.sb.admin.setLicense(w.portalId, 'pro')
  })
})

describe('operating time', () => {
  it('a method over its budget answers 429 OPERATION_TIME_LIMIT until the window moves on', async () => {
    w.sb.admin.resetLimits(w.portalId)
    w.sb.admin.setLimits(w.portalId, { operatingBudgetSec: 10, operatingCosts: { 'crm.type.list': 6 } })
    const clock = w.sb.admin.clock()
    clock.freeze()
    try {
      await call(w.b24, 'crm.type.list')
      await call(w.b24, 'crm.type.list')
      expect(await fails(w.b24, 'crm.type.list')).toEqual({ code: 'OPERATION_TIME_LIMIT', status: 429 })
      expect((await call(w.b24, 'profile')).ID).toBe('1')
      clock.advance(11 * 60_000)
      expect((await call(w.b24, 'crm.type.list')).types).toEqual([])
    } finally {
      clock.run()
      w.sb.admin.setLimits(w.portalId, { operatingBudgetSec: 480 })
    }
  })
})

describe('faults and counters', () => {
  it('next N calls fail as configured, then calls pass again', async () => {
    w.sb.admin.resetLimits(w.portalId)
    w.sb.admin.failNext(w.portalId, { count: 2, status: 500, error: 'INTERNAL_SERVER_ERROR', method: 'profile' })
    expect(await fails(w.b24, 'profile')).toEqual({ code: 'INTERNAL_SERVER_ERROR', status: 500 })
    expect((await call(w.b24, 'user.current')).ID).toBe('1')
    expect(await fails(w.b24, 'profile')).toMatchObject({ status: 500 })
    expect((await call(w.b24, 'profile')).ID).toBe('1')
  })

  it('an error rate of 1 fails every call, a hang drops the connection, a lost answer still writes', async () => {
    w.sb.admin.setFaults(w.portalId, { errorRate: 1, errorStatus: 502, errorCode: 'BAD_GATEWAY' })
    expect(await fails(w.b24, 'profile')).toMatchObject({ status: 502 })
    w.sb.admin.clearFaults(w.portalId)
    w.sb.admin.failNext(w.portalId, { count: 1, kind: 'hang' })
    w.sb.admin.setFaults(w.portalId, { hangMs: 50 })
    expect((await fails(w.b24, 'profile')).code).toMatch(/NETWORK_ERROR|ECONNRESET|JSSDK|ERR/)
    w.sb.admin.failNext(w.portalId, { count: 1, kind: 'lost', method: 'crm.company.add' })
    await fails(w.b24, 'crm.company.add', { fields: { TITLE: 'Lost answer' } })
    expect((await call(w.b24, 'crm.company.list', { filter: { TITLE: 'Lost answer' } })).length).toBe(1)
    w.sb.admin.clearFaults(w.portalId)
  })

  it('a lost-answer rate performs the calls and drops their answers', async () => {
    w.sb.admin.setFaults(w.portalId, { lostRate: 1 })
    expect((await fails(w.b24, 'crm.company.add', { fields: { TITLE: 'Lost by rate' } })).code).toMatch(
      /NETWORK_ERROR|ECONNRESET|JSSDK|ERR/,
    )
    w.sb.admin.clearFaults(w.portalId)
    expect((await call(w.b24, 'crm.company.list', { filter: { TITLE: 'Lost by rate' } })).length).toBe(1)
  })

  it('counts requests, methods and writes per portal and resets', async () => {
    w.sb.admin.resetCounters(w.portalId)
    await call(w.b24, 'crm.company.add', { fields: { TITLE: 'X' } })
    await call(w.b24, 'crm.company.list')
    const c = w.sb.admin.counters(w.portalId)
    expect(c).toMatchObject({
      requests: 2,
      writes: 1,
      byMethod: { 'crm.company.add': 1, 'crm.company.list': 1 },
      writesByMethod: { 'crm.company.add': 1 },
    })
    w.sb.admin.resetCounters()
    expect(w.sb.admin.counters(w.portalId).requests).toBe(0)
  })
})
