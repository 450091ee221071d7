import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppContext } from '../../context.ts'
import { ApiError } from '../error-handler.ts'
import type { Session } from './session.ts'
import type { UserTokenVerifier } from '../../bitrix24/client/verify-user-token.ts'
/** Writes that change who or what can act for the portal (API keys, the connection, settings): the token is re-checked with the portal, never taken from the cache. */
export function isSensitiveWrite(method: string, url: string): boolean {
  if (method === 'GET' || method === 'HEAD') return false
  const path = url.split('?')[0]
  return /^\/api\/(admin|install)\//.test(path) || /\/settings(\/|$)/.test(path)
}

const MEMBER_ID = /^[A-Za-z0-9_.-]{1,64}$/

/**
 * Binds every /api request to a portal and a user: the UI sends the portal user's token
 * (Authorization: Bearer <AUTH_ID>) and X-B24-Member-Id; the token is checked against that portal.
 * Routes with `config: { auth: 'none' }` (health, API-key routes) authenticate themselves.
 */
export function registerApiAuth(
  scope: FastifyInstance,
  ctx: AppContext & { verifyUserToken?: UserTokenVerifier },
): void {
  scope.decorateRequest('session', null)
  // before the body is read: a stranger's 20 MB upload is refused on its headers, not after
  scope.addHook('preParsing', async (req: FastifyRequest, _reply, payload) => {
    if (req.routeOptions.config?.auth !== 'none') req.session = await authenticate(req, ctx)
    return payload
  })
}

async function authenticate(
  req: FastifyRequest,
  ctx: AppContext & { verifyUserToken?: UserTokenVerifier },
): Promise<Session> {
  const header = req.headers.authorization ?? ''
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
  const memberId = String(req.headers['x-b24-member-id'] ?? '')
  if (!token || !memberId)
    throw new ApiError(
      401,
      'auth.required',
      'Missing portal credentials: send Authorization: Bearer <portal token> and X-B24-Member-Id',
    )
  if (!MEMBER_ID.test(memberId) || token.length > 512)
    throw new ApiError(401, 'auth.malformed', 'Malformed portal credentials')
  const portal = await ctx.portalLookup(memberId)
  // a disconnected portal (our refresh token refused) still lets its users in: the admin page shows
  // the reason and how to reconnect; the user's own token is checked by the portal either way
  if (!portal || portal.status === 'uninstalled')
    throw new ApiError(401, 'auth.unknown-portal', 'This portal is not connected to the app')
  if (!ctx.verifyUserToken) throw new ApiError(503, 'auth.unavailable', 'User token verification is not configured')
  try {
    const user = await ctx.verifyUserToken(memberId, token, { fresh: isSensitiveWrite(req.method, req.url) })
    const session: Session = { memberId, userId: user.userId, isAdmin: user.isAdmin }
    return Object.defineProperty(session, 'accessToken', { value: token, enumerable: false })
  } catch (e) {
    if (e instanceof ApiError) throw e
    req.log.warn({ memberId, err: (e as Error).message }, 'api.auth.rejected')
    throw new ApiError(401, 'auth.invalid-token', 'The portal did not accept this token; reload the page')
  }
}
