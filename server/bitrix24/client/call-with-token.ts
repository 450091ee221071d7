// One REST call with a given access token against a portal's endpoint we stored or the OAuth server
// confirmed (never one a caller names), without refreshing: a user's token, a token an install
// event brought, or our stored token when we must know whether it still works.
import { B24OAuth } from '@bitrix24/b24jssdk'
import { Bitrix24Error } from '../errors.ts'
import { fromSdkError } from './sdk-errors.ts'
import type { PortalPacer } from './portal-client.ts'

export interface TokenTarget {
  memberId: string
  domain: string
  clientEndpoint: string
  serverEndpoint: string
  /** The portal's plan, for its bucket's size (unknown before the install: the smaller one). */
  licenceFamily?: string | null
}

/** The app's credentials, and the portal's shared bucket when there is one to wait for. */
export type TokenCallDeps = { clientId: string | null; clientSecret: string | null; pace?: PortalPacer }

export async function callWithToken<T>(
  target: TokenTarget,
  accessToken: string,
  method: string,
  creds: TokenCallDeps,
): Promise<T> {
  const sdk = new B24OAuth(
    {
      applicationToken: '',
      userId: 0,
      memberId: target.memberId,
      accessToken,
      refreshToken: '',
      expires: Math.floor(Date.now() / 1000) + 600,
      expiresIn: 600,
      scope: '',
      domain: target.domain,
      clientEndpoint: target.clientEndpoint,
      serverEndpoint: target.serverEndpoint,
      status: 'L' as never,
    },
    { clientId: creds.clientId ?? '', clientSecret: creds.clientSecret ?? '' },
    { restrictionParams: { maxRetries: 1, retryOnNetworkError: false } },
  )
  sdk.offClientSideWarning()
  sdk.setCustomRefreshAuth(async () => {
    throw new Bitrix24Error('expired_token', 'this token is not refreshed here', 401, false, method)
  })
  try {
    await creds.pace?.(target.memberId, target.licenceFamily ?? null)
    const r = await sdk.actions.v2.call.make<T>({ method, params: {} })
    const data = r.getData()?.result
    if (!r.isSuccess || data === undefined) throw new Bitrix24Error('UNEXPECTED_ANSWER', `${method} refused`, 0, true)
    return data as T
  } catch (e) {
    throw fromSdkError(e, method)
  }
}

/** A portal's answer that the token is not (or no longer) accepted, as opposed to the portal being unreachable. */
export function isAuthRefusal(e: unknown): boolean {
  return (
    e instanceof Bitrix24Error &&
    (e.status === 401 ||
      e.status === 403 ||
      [
        'invalid_token',
        'expired_token',
        'NO_AUTH_FOUND',
        'invalid_grant',
        'invalid_client',
        'PORTAL_DISCONNECTED',
      ].includes(e.code))
  )
}
