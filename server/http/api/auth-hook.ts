import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppContext } from '../../context.ts'
import { ApiError } from '../error-handler.ts'
import type { Session } from './session.ts'

export type UserTokenVerifier = (memberId: string, accessToken: string) => Promise<{ userId: number; isAdmin: boolean }>

const MEMBER_ID = /^[A-Za-z0-9_.-]{1,64}$/

/**
 * Binds every /api request to a portal and a user: the UI sends the portal user's token
 * (Authorization: Bearer <AUTH_ID>) and X-B24-Member-Id; the token is checked against that portal.
 * Routes with `config: { auth: 'none' }` (health, API-key routes) authenticate themselves.
 */
export function registerApiAuth(scope: FastifyInstance, ctx: AppContext & { verifyUserToken?: UserTokenVerifier }): void {
  scope.decorateRequest('session', null)
  scope.addHook('preHandler', async (req: FastifyRequest) => {
    if (req.routeOptions.config?.auth === 'none') return
    req.session = await authenticate(req, ctx)
  })
}

async function authenticate(req: FastifyRequest, ctx: AppContext & { verifyUserToken?: UserTokenVerifier }): Promise<Session> {
  const header = req.headers.authorization ?? ''
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
  const memberId = String(req.headers['x-b24-member-id'] ?? '')
  if (!token || !memberId) throw new ApiError(401, 'auth.required', 'Missing portal credentials: send Authorization: Bearer <portal token> and X-B24-Member-Id')
  if (!MEMBER_ID.test(memberId) || token.length > 512) throw new ApiError(401, 'auth.malformed', 'Malformed portal credentials')
  const portal = await ctx.portalLookup(memberId)
  // a disconnected portal (our refresh token refused) still lets its users in: the admin page shows
  // the reason and how to reconnect; the user's own token is checked by the portal either way
  if (!portal || portal.status === 'uninstalled') throw new ApiError(401, 'auth.unknown-portal', 'This portal is not connected to the app')
  if (!ctx.verifyUserToken) throw new ApiError(503, 'auth.unavailable', 'User token verification is not configured')
  try {
    const user = await ctx.verifyUserToken(memberId, token)
    return { memberId, userId: user.userId, isAdmin: user.isAdmin }
  } catch (e) {
    if (e instanceof ApiError) throw e
    req.log.warn({ memberId, err: (e as Error).message }, 'api.auth.rejected')
    throw new ApiError(401, 'auth.invalid-token', 'The portal did not accept this token; reload the page')
  }
}
