// The red-team's low findings on the HTTP edge: what /healthz tells an outsider, an event during a
// database outage, token-bearing URLs in the log, and signed claim-letter links after an uninstall.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import qs from 'qs'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { captureLog } from '../../reliability/log-capture.ts'
import { claimLetterLink } from '../../../server/use-cases/claims/claim-letter-link.ts'
import { redactUrl } from '../../../server/lib/redact.ts'

const cap = captureLog()
let w: Awaited<ReturnType<typeof connectSandboxApp>>
let appToken = ''
beforeAll(async () => {
  w = await connectSandboxApp({ log: cap.log })
  appToken = (await w.ctx.repos.portals.get(w.memberId))!.applicationToken!
}, 120_000)
afterAll(async () => w?.close())

const form = { 'content-type': 'application/x-www-form-urlencoded' }
const event = () =>
  qs.stringify({
    event: 'ONCRMDYNAMICITEMUPDATE',
    ts: '1',
    data: { FIELDS: { ID: '5', ENTITY_TYPE_ID: '1' } },
    auth: { member_id: w.memberId, application_token: appToken, domain: w.portal.domain },
  })

describe('/healthz', () => {
  it('says ok or fail per component, never the error text or the database kind', async () => {
    const ok = await w.app.inject({ method: 'GET', url: '/healthz' })
    expect([ok.statusCode, ok.json()]).toEqual([200, { status: 'ok', checks: { database: 'ok', queue: 'ok' } }])
    const boss = w.ctx.queue.boss as unknown as { getQueue: (n: string) => Promise<unknown> }
    const real = boss.getQueue
    boss.getQueue = async () => {
      throw new Error('password authentication failed for user "rc" on db-prod-7.internal/receivables')
    }
    try {
      const r = await w.app.inject({ method: 'GET', url: '/healthz' })
      expect([r.statusCode, r.json()]).toEqual([503, { status: 'fail', checks: { database: 'ok', queue: 'fail' } }])
      expect(r.body).not.toMatch(/db-prod|password|pglite|postgres/i)
    } finally {
      boss.getQueue = real
    }
  })
})

describe('an event during a database outage', () => {
  it.each([
    [
      'refused, wrapped',
      new Error('query failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }),
    ],
    ['pool cannot connect', new Error('timeout exceeded when trying to connect')],
  ])('%s: 503 with Retry-After, not 500', async (_name, err) => {
    const lookup = w.ctx.portalLookup
    w.ctx.portalLookup = Object.assign(async () => Promise.reject(err), { invalidate: () => {} })
    try {
      const r = await w.app.inject({ method: 'POST', url: '/bitrix/events', headers: form, payload: event() })
      expect(r.statusCode).toBe(503)
      expect(r.headers['retry-after']).toBeDefined()
    } finally {
      w.ctx.portalLookup = lookup
    }
  })
})

describe('the log', () => {
  it('never prints a token-bearing query value, in any spelling, nor a signed link', async () => {
    const secrets = ['auth-id-secret-0001', 'refresh-id-secret-0002', 'access-secret-0003', 'signature-secret-0004']
    const q = `AUTH_ID=${secrets[0]}&REFRESH_ID=${secrets[1]}&auth%5Baccess_token%5D=${secrets[2]}&DOMAIN=x.test`
    await w.app.inject({ method: 'POST', url: `/bitrix/events?${q}`, headers: form, payload: 'event=' })
    await w.app.inject({ method: 'GET', url: `/files/claim-letters/1?m=${w.memberId}&e=1&s=${secrets[3]}` })
    expect(cap.lines.some((l) => l.includes('http.rejected') && l.includes('DOMAIN=x.test'))).toBe(true)
    expect(cap.leaks(secrets)).toEqual([])
    expect(redactUrl('/x?access_token=a1b2c3d4e5&application_token=z&keep=1')).toBe(
      '/x?access_token=[redacted]&application_token=[redacted]&keep=1',
    )
  })
})

describe('a statement upload from a stranger', () => {
  it('is refused on its credentials before its 21 MB body is read (401, not 413)', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41)
    for (const headers of [{}, { authorization: 'Bearer not-a-real-token-000000', 'x-b24-member-id': w.memberId }]) {
      const r = await w.app.inject({
        method: 'POST',
        url: '/api/statements?fileName=x.txt',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        payload: big,
      })
      expect(r.statusCode).toBe(401)
    }
  })
})

describe('signed claim-letter links', () => {
  it('stop working when the app is uninstalled from the portal', async () => {
    const link = claimLetterLink(w.ctx.config.secretKey, w.memberId, 424242, 3600)
    // valid link, no such letter: past the signature check
    expect((await w.app.inject({ method: 'GET', url: link })).statusCode).toBe(404)
    await w.ctx.repos.portals.setStatus(w.memberId, 'uninstalled', 'test')
    w.ctx.portalLookup.invalidate(w.memberId)
    const r = await w.app.inject({ method: 'GET', url: link })
    expect([r.statusCode, r.json().error]).toEqual([403, 'link.invalid'])
  })
})
