// One official-SDK B24OAuth per portal, built from stored tokens. The SDK's own limiter and
// retries are switched off: our shared limiter and retry policy (portal-client.ts) decide.
import { B24OAuth } from '@bitrix24/b24jssdk'
import type { Portal, PortalTokens } from '../../storage/repositories/portals.ts'
import type { TokenBroker } from './token-broker.ts'
import type { Clock } from '../../lib/clock.ts'

export function createSdk(
  portal: Portal,
  tokens: PortalTokens,
  creds: { clientId: string; clientSecret: string },
  broker: TokenBroker,
  clock: Clock,
  /**
   * Awaited each time the SDK asks for a new pair (it got a 401 for an expired token) and before it
   * sends the same request again: that repeat must take its own place in the shared bucket.
   */
  onRefreshAsked: () => void | Promise<void> = () => {},
): B24OAuth {
  let current = tokens
  // the SDK compares `expires` with the process clock: the pair's expiry (an instant on the portal's
  // clock, which the app clock follows) becomes the same remaining lifetime on the process clock
  const expiresSec = (at: Date) => Math.floor((Date.now() + at.getTime() - clock.now().getTime()) / 1000)
  let refreshedAt = 0
  const sdk = new B24OAuth(
    {
      applicationToken: portal.applicationToken ?? '',
      userId: tokens.userId ?? 1,
      memberId: portal.memberId,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expires: expiresSec(tokens.expiresAt),
      expiresIn: 3600,
      scope: tokens.scope ?? '',
      domain: portal.domain,
      clientEndpoint: portal.clientEndpoint,
      serverEndpoint: portal.serverEndpoint,
      status: 'L' as never,
    },
    creds,
    {
      restrictionParams: {
        rateLimit: { burstLimit: 1_000_000, drainRate: 1_000_000, adaptiveEnabled: false },
        maxRetries: 1,
        retryOnNetworkError: false,
      },
    },
  )
  sdk.offClientSideWarning()
  // Every refresh goes through the broker: one at a time per portal across instances, persisted first.
  // The SDK does not say which token failed: a 401 that arrives just after a refresh is a request
  // sent with the old token, so it gets the new pair instead of another refresh.
  sdk.setCustomRefreshAuth(async () => {
    await onRefreshAsked()
    if (Date.now() - refreshedAt > 10_000) {
      current = await broker.refresh(portal.memberId, current.accessToken)
      refreshedAt = Date.now()
    }
    return {
      access_token: current.accessToken,
      refresh_token: current.refreshToken,
      expires: String(expiresSec(current.expiresAt)),
      expires_in: String(Math.max(1, Math.floor((current.expiresAt.getTime() - clock.now().getTime()) / 1000))),
      client_endpoint: portal.clientEndpoint,
      server_endpoint: portal.serverEndpoint,
      member_id: portal.memberId,
      scope: current.scope ?? '',
      status: 'L',
      domain: portal.domain,
    }
  })
  return sdk
}
