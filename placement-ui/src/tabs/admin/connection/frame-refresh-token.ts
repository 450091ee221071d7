// The refresh token the portal gives this page's frame (fresh: asked of the portal page first): the
// connection card's "Reconnect" hands it to the server, which verifies it at the OAuth server.
import { initializeB24Frame } from '@bitrix24/b24jssdk'

export async function frameRefreshToken(): Promise<string | null> {
  const frame = await initializeB24Frame()
  const auth = await frame.auth.refreshAuth()
  return auth.refresh_token || null
}
