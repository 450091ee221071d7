// /api sessions: the UI's portal user token is checked by calling `profile` with it against the
// portal's stored endpoint (never an endpoint the caller names); cached by token hash for at most
// 5 minutes and never past the token's own expiry (AUTH_EXPIRES as the UI reports it, else 1 hour
// from first sight: the portal's access-token lifetime). Sensitive writes call it with `fresh` and
// skip the cache, so a demoted or deactivated admin's token stops working there at once.
import { createHash } from 'node:crypto'
import type { PortalsRepository } from '../../storage/repositories/portals.ts'
import { callWithToken, type TokenCallDeps } from './call-with-token.ts'

export type VerifiedUser = { userId: number; isAdmin: boolean }
export type VerifyOptions = { fresh?: boolean; expiresAt?: number }

const TOKEN_LIFETIME_MS = 3_600_000

/** Checks a portal user's token for the /api session (built by createUserTokenVerifier). */
export type UserTokenVerifier = (
  memberId: string,
  accessToken: string,
  o?: { fresh?: boolean },
) => Promise<VerifiedUser>

export function createUserTokenVerifier(
  portals: PortalsRepository,
  creds: TokenCallDeps,
  ttlMs = 300_000,
  now: () => number = Date.now,
) {
  const cache = new Map<string, { until: number; user: VerifiedUser }>()
  const firstSeen = new Map<string, number>()
  return async (memberId: string, accessToken: string, o: VerifyOptions = {}): Promise<VerifiedUser> => {
    const key = createHash('sha256').update(`${memberId}|${accessToken}`).digest('hex')
    const hit = cache.get(key)
    if (!o.fresh && hit && now() < hit.until) return hit.user
    cache.delete(key)
    const portal = await portals.get(memberId)
    if (!portal) throw new Error('unknown portal')
    const data = await callWithToken<{ ID: string | number; ADMIN: boolean }>(portal, accessToken, 'profile', creds)
    const user = { userId: Number(data.ID), isAdmin: Boolean(data.ADMIN) }
    if (!firstSeen.has(key)) firstSeen.set(key, now())
    const expires = Math.min(o.expiresAt ?? Infinity, firstSeen.get(key)! + TOKEN_LIFETIME_MS)
    cache.set(key, { until: Math.min(now() + ttlMs, expires), user })
    if (cache.size > 5_000) cache.delete(cache.keys().next().value!)
    if (firstSeen.size > 20_000) firstSeen.delete(firstSeen.keys().next().value!)
    return user
  }
}
