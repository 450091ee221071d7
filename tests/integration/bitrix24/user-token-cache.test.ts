// The user-token cache against a sandbox portal: it never outlives the token (an hour from first
// sight at most, whatever the cache TTL), and a `fresh` check asks the portal again, so a demoted and
// deactivated admin's token is refused at once where it matters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { createUserTokenVerifier } from '../../../server/bitrix24/client/verify-user-token.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
beforeAll(async () => {
  w = await connectSandboxApp()
}, 120_000)
afterAll(async () => w?.close())

const adminToken = () => {
  const id = w.sb.admin.addUser(w.portalId, { name: 'Boss', isAdmin: true }).id
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, id) as { access_token: string }
  return { id, token: t.access_token }
}

describe('user token verifier', () => {
  it('a cached token is not trusted past its hour even with a day-long cache TTL', async () => {
    let clock = Date.UTC(2026, 0, 10, 9, 0)
    const verify = createUserTokenVerifier(w.ctx.repos.portals, w.ctx.config.b24, 86_400_000, () => clock)
    const { token } = adminToken()
    expect(await verify(w.memberId, token)).toMatchObject({ isAdmin: true })
    w.sb.admin.expireTokens(w.portalId, w.sbApp.id)
    clock += 30 * 60_000
    expect(await verify(w.memberId, token)).toMatchObject({ isAdmin: true }) // cached, within the hour
    clock += 31 * 60_000
    await expect(verify(w.memberId, token)).rejects.toThrow()
  })

  it('a fresh check asks the portal: a demoted, deactivated admin is refused while the cache still holds them', async () => {
    const verify = createUserTokenVerifier(w.ctx.repos.portals, w.ctx.config.b24)
    const { id, token } = adminToken()
    expect(await verify(w.memberId, token)).toMatchObject({ userId: id, isAdmin: true })
    w.sb.admin.updateUser(w.portalId, id, { isAdmin: false, active: false })
    await expect(verify(w.memberId, token, { fresh: true })).rejects.toThrow()
  })
})
