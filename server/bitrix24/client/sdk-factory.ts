// One official-SDK B24OAuth per portal, built from stored tokens. The SDK's own limiter and
// retries are switched off: our shared limiter and retry policy (portal-client.ts) decide.
import { B24OAuth } from '@bitrix24/b24jssdk'
import type { Portal, PortalTokens } from '../../storage/repositories/portals.ts'
import type { TokenBroker } from './token-broker.ts'

export function createSdk(portal: Portal, tokens: PortalTokens, creds: { clientId: string; clientSecret: string }, broker: TokenBroker): B24OAuth {
  let current = tokens
  let refreshedAt = 0
  const sdk = new B24OAuth({
    applicationToken: portal.applicationToken ?? '', userId: tokens.userId ?? 1, memberId: portal.memberId,
    accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expires: Math.floor(tokens.expiresAt.getTime() / 1000),
    expiresIn: 3600, scope: tokens.scope ?? '', domain: portal.domain, clientEndpoint: portal.clientEndpoint,
    serverEndpoint: portal.serverEndpoint, status: 'L' as never,
  }, creds, {
    restrictionParams: { rateLimit: { burstLimit: 1_000_000, drainRate: 1_000_000, adaptiveEnabled: false }, maxRetries: 1, retryOnNetworkError: false },
  })
  sdk.offClientSideWarning()
  // Every refresh goes through the broker: one at a time per portal across instances, persisted first.
  // The SDK does not say which token failed: a 401 that arrives just after a refresh is a request
  // sent with the old token, so it gets the new pair instead of another refresh.
  sdk.setCustomRefreshAuth(async () => {
    if (Date.now() - refreshedAt > 10_000) {
      current = await broker.refresh(portal.memberId, current.accessToken)
      refreshedAt = Date.now()
    }
    return {
      access_token: current.accessToken, refresh_token: current.refreshToken, expires: String(Math.floor(current.expiresAt.getTime() / 1000)),
      expires_in: String(Math.max(1, Math.floor((current.expiresAt.getTime() - Date.now()) / 1000))), client_endpoint: portal.clientEndpoint,
      server_endpoint: portal.serverEndpoint, member_id: portal.memberId, scope: current.scope ?? '', status: 'L', domain: portal.domain,
    }
  })
  return sdk
}
