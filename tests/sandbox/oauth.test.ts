import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, sdkFrom, setup, type World } from './harness.ts'

let w: World
let oauth: string

beforeAll(async () => {
  w = await setup({ tokenLifetimeSec: 60 })
  oauth = `${w.sb.baseUrl}/oauth/token/`
})
afterAll(async () => w.close())

const form = (o: Record<string, string>) => new URLSearchParams(o).toString()

describe('OAuth server', () => {
  it('refreshes by GET and by form POST, rotating the refresh token; reuse is invalid_grant', async () => {
    const first = w.sb.admin.issueTokens(w.portalId, w.appId)
    const q = {
      grant_type: 'refresh_token',
      client_id: w.app.clientId,
      client_secret: w.app.clientSecret,
      refresh_token: String(first.refresh_token),
    }
    const a = await fetch(`${oauth}?${form(q)}`)
    expect(a.status).toBe(200)
    const pairA = (await a.json()) as { refresh_token: string }
    expect(pairA.refresh_token).not.toBe(first.refresh_token)
    const b = await fetch(oauth, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ ...q, refresh_token: pairA.refresh_token }),
    })
    expect(b.status).toBe(200)
    const reuse = await fetch(`${oauth}?${form(q)}`)
    expect(reuse.status).toBe(400)
    expect(((await reuse.json()) as { error?: string }).error).toBe('invalid_grant')
  })

  it('rejects a wrong client secret with invalid_client', async () => {
    const t = w.sb.admin.issueTokens(w.portalId, w.appId)
    const r = await fetch(
      `${oauth}?${form({ grant_type: 'refresh_token', client_id: w.app.clientId, client_secret: 'wrong', refresh_token: String(t.refresh_token) })}`,
    )
    expect([r.status, ((await r.json()) as { error?: string }).error]).toEqual([401, 'invalid_client'])
  })

  it('exchanges an authorization code once', async () => {
    const code = w.sb.admin.issueAuthCode(w.portalId, w.appId)
    const q = form({
      grant_type: 'authorization_code',
      client_id: w.app.clientId,
      client_secret: w.app.clientSecret,
      code,
    })
    const r = await fetch(`${oauth}?${q}`)
    const body = (await r.json()) as { member_id: string; client_endpoint: string }
    expect(body.member_id).toBe(w.sb.admin.info(w.portalId).memberId)
    expect(body.client_endpoint).toBe(w.sb.admin.info(w.portalId).restBase)
    expect((await fetch(`${oauth}?${q}`)).status).toBe(400)
  })

  it('access tokens expire on the sandbox clock and the SDK refreshes once on expired_token', async () => {
    const clock = w.sb.admin.clock()
    clock.freeze()
    try {
      const b24 = sdkFrom(w.sb.admin.issueTokens(w.portalId, w.appId), w.app)
      let persisted = 0
      b24.setCallbackRefreshAuth(async () => {
        persisted++
      })
      expect((await call(b24, 'profile')).ID).toBe('1')
      clock.advance(61_000)
      const before = w.sb.admin.counters(w.portalId).tokenRequests
      const profile = await call(b24, 'profile')
      expect(profile.ID).toBe('1')
      expect(w.sb.admin.counters(w.portalId).tokenRequests - before).toBe(1)
      expect(persisted).toBe(1)
    } finally {
      clock.run()
    }
  })

  it('an expired token answers 401 expired_token over plain HTTP', async () => {
    const t = w.sb.admin.issueTokens(w.portalId, w.appId)
    w.sb.admin.expireTokens(w.portalId, w.appId)
    const r = await fetch(`${String(t.client_endpoint)}profile?auth=${String(t.access_token)}`)
    expect([r.status, ((await r.json()) as { error?: string }).error]).toEqual([401, 'expired_token'])
  })
})
