// The refresh token the portal gives this page's frame (fresh: asked of the portal page first): the
// connection card's "Reconnect" hands it to the server, which verifies it at the OAuth server.
import { connectPortalFrame } from '../../../app/portal-frame/portal-frame.ts'

export async function frameRefreshToken(): Promise<string | null> {
  const frame = await connectPortalFrame()
  const auth = await frame.refreshAuth()
  return auth.refreshToken || null
}
