import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.ts'
import { sessionOf } from './session.ts'

/** GET /api/whoami: the session the UI token resolved to (portal, user, admin flag, portal language). */
export async function whoamiApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.get('/whoami', async (req) => {
    const s = sessionOf(req)
    const portal = await ctx.repos.portals.get(s.memberId)
    return {
      ...s,
      lang: portal?.lang ?? 'en',
      timezone: portal?.timezone ?? 'Europe/Moscow',
      domain: portal?.domain ?? null,
    }
  })
}
