// Sensitive /api writes re-verify the user's token with the portal: an admin whose token the app
// cached a minute ago, then demoted and deactivated on the portal, cannot mint an API key, repair the
// connection or change settings with it (reads may still use the short cache).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { isSensitiveWrite } from '../../../server/http/api/auth-hook.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
beforeAll(async () => {
  w = await connectSandboxApp()
  await installPortal(w.ctx, w.memberId, true)
}, 120_000)
afterAll(async () => w?.close())

describe('sensitive writes', () => {
  it('are told apart from reads and ordinary writes', () => {
    expect(isSensitiveWrite('POST', '/api/admin/api-keys')).toBe(true)
    expect(isSensitiveWrite('POST', '/api/admin/connection/reconnect')).toBe(true)
    expect(isSensitiveWrite('PUT', '/api/dunning/settings?x=1')).toBe(true)
    expect(isSensitiveWrite('POST', '/api/install/apply')).toBe(true)
    expect(isSensitiveWrite('GET', '/api/admin/api-keys')).toBe(false)
    expect(isSensitiveWrite('POST', '/api/receivables')).toBe(false)
  })

  it('a cached admin token of a demoted, deactivated user mints no API key', async () => {
    const id = w.sb.admin.addUser(w.portalId, { name: 'Boss', isAdmin: true }).id
    const token = (w.sb.admin.issueTokens(w.portalId, w.sbApp.id, id) as { access_token: string }).access_token
    const headers = { authorization: `Bearer ${token}`, 'x-b24-member-id': w.memberId }
    expect((await w.app.inject({ method: 'GET', url: '/api/whoami', headers })).statusCode).toBe(200)
    w.sb.admin.updateUser(w.portalId, id, { isAdmin: false, active: false })
    const r = await w.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'after demotion' }),
    })
    expect(r.statusCode).toBe(401)
    const keys = await w.ctx.database.db
      .selectFrom('api_keys')
      .select('id')
      .where('member_id', '=', w.memberId)
      .execute()
    expect(keys).toEqual([])
  })
})
