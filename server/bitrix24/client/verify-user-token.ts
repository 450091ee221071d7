// /api sessions: the UI's portal user token is checked by calling `profile` with it against the
// portal's stored endpoint (never an endpoint the caller names); cached 5 minutes by token hash.
import { createHash } from 'node:crypto'
import { B24OAuth } from '@bitrix24/b24jssdk'
import type { PortalsRepository } from '../../storage/repositories/portals.ts'
import { fromSdkError } from './sdk-errors.ts'

export type VerifiedUser = { userId: number; isAdmin: boolean }

export function createUserTokenVerifier(portals: PortalsRepository, creds: { clientId: string | null; clientSecret: string | null }, ttlMs = 300_000) {
  const cache = new Map<string, { at: number; user: VerifiedUser }>()
  return async (memberId: string, accessToken: string): Promise<VerifiedUser> => {
    const key = createHash('sha256').update(`${memberId}|${accessToken}`).digest('hex')
    const hit = cache.get(key)
    if (hit && Date.now() - hit.at < ttlMs) return hit.user
    const portal = await portals.get(memberId)
    if (!portal) throw new Error('unknown portal')
    const sdk = new B24OAuth({
      applicationToken: '', userId: 0, memberId, accessToken, refreshToken: '', expires: Math.floor(Date.now() / 1000) + 600, expiresIn: 600,
      scope: '', domain: portal.domain, clientEndpoint: portal.clientEndpoint, serverEndpoint: portal.serverEndpoint, status: 'L' as never,
    }, { clientId: creds.clientId ?? '', clientSecret: creds.clientSecret ?? '' }, { restrictionParams: { maxRetries: 1, retryOnNetworkError: false } })
    sdk.offClientSideWarning()
    sdk.setCustomRefreshAuth(async () => { throw new Error('user tokens are not refreshed by the server') })
    try {
      const r = await sdk.actions.v2.call.make<{ ID: string | number; ADMIN: boolean }>({ method: 'profile', params: {} })
      const data = r.getData()?.result
      if (!r.isSuccess || !data) throw new Error('profile refused')
      const user = { userId: Number(data.ID), isAdmin: Boolean(data.ADMIN) }
      cache.set(key, { at: Date.now(), user })
      if (cache.size > 5_000) cache.delete(cache.keys().next().value!)
      return user
    } catch (e) {
      throw fromSdkError(e, 'profile')
    }
  }
}
