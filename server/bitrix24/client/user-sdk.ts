// An SDK bound to a portal user's own token (from the UI frame), for calls made as that user: the
// portal answers with that user's rights. The token is never refreshed by the server.
import { B24OAuth } from '@bitrix24/b24jssdk'
import type { Portal } from '../../storage/repositories/portals.ts'

export function userSdk(
  portal: Pick<Portal, 'domain' | 'clientEndpoint' | 'serverEndpoint'>,
  memberId: string,
  accessToken: string,
  creds: { clientId: string | null; clientSecret: string | null },
): B24OAuth {
  const sdk = new B24OAuth(
    {
      applicationToken: '',
      userId: 0,
      memberId,
      accessToken,
      refreshToken: '',
      expires: Math.floor(Date.now() / 1000) + 600,
      expiresIn: 600,
      scope: '',
      domain: portal.domain,
      clientEndpoint: portal.clientEndpoint,
      serverEndpoint: portal.serverEndpoint,
      status: 'L' as never,
    },
    { clientId: creds.clientId ?? '', clientSecret: creds.clientSecret ?? '' },
    { restrictionParams: { maxRetries: 1, retryOnNetworkError: false } },
  )
  sdk.offClientSideWarning()
  sdk.setCustomRefreshAuth(async () => {
    throw new Error('user tokens are not refreshed by the server')
  })
  return sdk
}
