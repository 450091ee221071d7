// PortalClients: one client per connected portal per process, built from stored tokens. A process keeps
// the KEPT_CLIENTS portals it used last (an official-SDK client is ~19 KB of heap: 10,000 portals on one
// instance would be ~190 MB in every process); a portal used again after that is built again from its
// stored tokens (two indexed reads; a refreshed pair is stored before it is used, token-broker.ts).
import type { Config } from '../../config.ts'
import type { Logger } from '../../lib/logger.ts'
import type { Database } from '../../storage/database.ts'
import type { PortalsRepository } from '../../storage/repositories/portals.ts'
import type { PortalClient, PortalClients } from './portal-client.ts'
import { Bitrix24Error } from '../errors.ts'
import { createTokenBroker, type TokenBroker } from './token-broker.ts'
import { createRateLimiter, bucketFor } from './rate-limiter.ts'
import { createSdk } from './sdk-factory.ts'
import { createPortalClient } from './portal-client-impl.ts'
import { createRepeatLedger } from './repeat-ledger.ts'
import { createHookSdk, webhookMemberId } from './webhook-portal.ts'
import type { Clock } from '../../lib/clock.ts'

/** What the clients are built from (a part of the AppContext). */
export interface PortalClientsDeps {
  config: Pick<Config, 'b24'>
  database: Database
  log: Logger
  clock: Clock
  repos: { portals: PortalsRepository }
}

/** Clients kept per process (the least recently used beyond this are dropped). */
const KEPT_CLIENTS = 500

export function createPortalClients(
  ctx: PortalClientsDeps,
  kept = KEPT_CLIENTS,
): PortalClients & { broker: TokenBroker; forget: (memberId: string) => void } {
  const broker = createTokenBroker({
    database: ctx.database,
    portals: ctx.repos.portals,
    log: ctx.log,
    oauthUrl: ctx.config.b24.oauthUrl,
    clientId: ctx.config.b24.clientId,
    clientSecret: ctx.config.b24.clientSecret,
    clock: ctx.clock,
  })
  const limiter = createRateLimiter(ctx.database)
  const clients = new Map<string, Promise<PortalClient>>()

  const webhook = ctx.config.b24.webhookUrl
  const build = async (memberId: string): Promise<PortalClient> => {
    if (webhook && memberId === webhookMemberId(webhook)) {
      return createPortalClient({
        memberId,
        sdk: createHookSdk(webhook),
        limiter,
        shape: ctx.config.b24.rateLimit ?? bucketFor(null),
        plan: 'webhook',
      })
    }
    const portal = await ctx.repos.portals.get(memberId)
    if (!portal || portal.status !== 'active')
      throw new Bitrix24Error(
        'PORTAL_DISCONNECTED',
        `Portal ${memberId} is not connected${portal?.statusReason ? `: ${portal.statusReason}` : ''}`,
        401,
        false,
      )
    const tokens = await ctx.repos.portals.getTokens(memberId)
    if (!tokens) throw new Bitrix24Error('PORTAL_DISCONNECTED', `Portal ${memberId} has no tokens`, 401, false)
    let refreshesAsked = 0
    const shape = ctx.config.b24.rateLimit ?? bucketFor(portal.licenceFamily)
    const repeats = createRepeatLedger()
    const sdk = createSdk(
      portal,
      tokens,
      { clientId: ctx.config.b24.clientId ?? '', clientSecret: ctx.config.b24.clientSecret ?? '' },
      broker,
      ctx.clock,
      // the SDK repeats each refused request itself, past our client's limiter: pace them here
      async () => {
        refreshesAsked++
        for (let n = repeats.repeatsAtRefresh(); n > 0; n--) await limiter.acquire(memberId, shape)
      },
    )
    return createPortalClient({
      memberId,
      sdk,
      limiter,
      shape,
      repeats,
      plan: portal.licenceFamily ?? 'unknown',
      refreshes: () => refreshesAsked,
    })
  }

  return {
    broker,
    forPortal(memberId) {
      const c = clients.get(memberId) ?? build(memberId)
      if (!clients.delete(memberId)) c.catch(() => clients.get(memberId) === c && clients.delete(memberId))
      clients.set(memberId, c) // the Map keeps insertion order: the last set is the last used
      while (clients.size > kept) clients.delete(clients.keys().next().value!)
      return c
    },
    forget: (memberId) => void clients.delete(memberId),
    pace: (memberId, licenceFamily) => limiter.acquire(memberId, ctx.config.b24.rateLimit ?? bucketFor(licenceFamily)),
  }
}
