// The refresh_token grant against the OAuth server (reference 1.3): form POST, rotating pair.
import { Bitrix24Error, toBitrix24Error } from '../errors.ts'

export interface OAuthAnswer {
  access_token: string
  refresh_token: string
  expires: number
  expires_in: number
  client_endpoint: string
  server_endpoint: string
  member_id: string
  domain: string
  scope: string
  status: string
  user_id?: number
}

export async function refreshAtOAuthServer(
  oauthUrl: string,
  clientId: string,
  clientSecret: string,
  refreshToken: string,
): Promise<OAuthAnswer> {
  let res: Response
  try {
    res = await fetch(oauthUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: clientId,
        client_secret: clientSecret,
        refresh_token: refreshToken,
      }),
      signal: AbortSignal.timeout(15_000),
    })
  } catch (e) {
    throw toBitrix24Error('NETWORK_ERROR', `OAuth server unreachable: ${(e as Error).message}`, 0, 'oauth.refresh')
  }
  const body = (await res.json().catch(() => ({}))) as Partial<OAuthAnswer> & {
    error?: string
    error_description?: string
  }
  if (!res.ok || body.error || !body.access_token || !body.refresh_token) {
    const code = body.error ?? `HTTP_${res.status}`
    if (code === 'invalid_grant' || code === 'invalid_client' || code === 'PAYMENT_REQUIRED')
      throw new Bitrix24Error(code, body.error_description ?? code, res.status, false, 'oauth.refresh')
    throw toBitrix24Error(
      code,
      body.error_description ?? `OAuth refresh failed (HTTP ${res.status})`,
      res.status,
      'oauth.refresh',
    )
  }
  return body as OAuthAnswer
}
