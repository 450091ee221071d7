// One refresh at a time per portal, across processes: PostgreSQL advisory lock (PGlite: one
// process, an in-process lock). After taking the lock the stored pair is re-read: if another
// instance already refreshed, its pair is used. Every new pair is persisted before use;
// invalid_grant marks the portal disconnected (kept, not deleted).
import type { Database } from '../../storage/database.ts'
import type { PortalsRepository, PortalTokens } from '../../storage/repositories/portals.ts'
import type { Logger } from '../../lib/logger.ts'
import type { Clock } from '../../lib/clock.ts'
import { Bitrix24Error } from '../errors.ts'
import { refreshAtOAuthServer } from './oauth-refresh.ts'
import { tokenRefreshes } from '../../lib/metrics.ts'

export interface TokenBrokerDeps {
  database: Database
  portals: PortalsRepository
  log: Logger
  oauthUrl: string
  clientId: string | null
  clientSecret: string | null
  /** The app clock: a pair's expiry is an instant on the portal's clock. */
  clock: Clock
}

export interface TokenBroker {
  /** Returns a pair newer than `staleAccessToken` (refreshing it if nobody did yet). */
  refresh(memberId: string, staleAccessToken: string): Promise<PortalTokens>
  readonly refreshCount: () => number
}

export function createTokenBroker(d: TokenBrokerDeps): TokenBroker {
  const inFlight = new Map<string, Promise<PortalTokens>>()
  const localChains = new Map<string, Promise<unknown>>()
  let count = 0

  const doRefresh = async (memberId: string, stale: string): Promise<PortalTokens> => {
    const current = await d.portals.getTokens(memberId)
    if (!current) throw new Bitrix24Error('PORTAL_DISCONNECTED', 'The portal has no stored tokens', 401, false)
    if (current.accessToken !== stale) return current // someone else refreshed already
    if (!d.clientId || !d.clientSecret)
      throw new Bitrix24Error(
        'NO_CLIENT_CREDENTIALS',
        'B24_CLIENT_ID / B24_CLIENT_SECRET are not configured',
        401,
        false,
      )
    try {
      const a = await refreshAtOAuthServer(d.oauthUrl, d.clientId, d.clientSecret, current.refreshToken)
      count++
      tokenRefreshes.inc({ result: 'ok' })
      const next = {
        accessToken: a.access_token,
        refreshToken: a.refresh_token,
        expiresAt: new Date((a.expires || d.clock.now().getTime() / 1000 + a.expires_in) * 1000),
        userId: current.userId,
        scope: a.scope ?? current.scope,
      }
      await d.portals.saveTokens(memberId, next)
      d.log.info({ memberId }, 'portal.token.refreshed')
      return { ...next, version: current.version + 1 }
    } catch (e) {
      const revoked =
        e instanceof Bitrix24Error && (e.code === 'invalid_grant' || e.code === 'invalid_client') ? e : null
      tokenRefreshes.inc({ result: revoked ? 'revoked' : 'failed' })
      if (revoked) {
        await d.portals.setStatus(memberId, 'disconnected', `${revoked.code}: ${revoked.message}`)
        d.log.warn({ memberId, code: revoked.code }, 'portal.token.refresh-failed')
        throw new Bitrix24Error(
          'PORTAL_DISCONNECTED',
          `The portal revoked the app's access (${revoked.code}); reconnect it from the admin page`,
          401,
          false,
        )
      }
      throw e
    }
  }

  const locked = async (memberId: string, stale: string): Promise<PortalTokens> => {
    if (d.database.kind === 'postgres' && d.database.pool) {
      const client = await d.database.pool.connect()
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [`rc-token:${memberId}`])
        try {
          return await doRefresh(memberId, stale)
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`rc-token:${memberId}`])
        }
      } finally {
        client.release()
      }
    }
    const prev = localChains.get(memberId) ?? Promise.resolve()
    const run = prev.catch(() => undefined).then(() => doRefresh(memberId, stale))
    localChains.set(memberId, run)
    return run
  }

  return {
    refresh(memberId, stale) {
      const key = `${memberId}|${stale}`
      const existing = inFlight.get(key)
      if (existing) return existing
      const p = locked(memberId, stale).finally(() => inFlight.delete(key))
      inFlight.set(key, p)
      return p
    },
    refreshCount: () => count,
  }
}
