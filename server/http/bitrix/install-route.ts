import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppContext } from '../../context.ts'
import { servePlacement } from './placements-route.ts'

/** Registers a portal from the install page's frame POST (REFRESH_ID verified at the OAuth server). */
export type InstallFrameHook = (body: Record<string, unknown>) => Promise<void>

export async function installRoute(app: FastifyInstance, ctx: AppContext & { onInstallFrame?: InstallFrameHook }) {
  const handler = async (req: { body: unknown; query: unknown }, reply: FastifyReply) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const memberId =
      typeof body.member_id === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(body.member_id) ? body.member_id : null
    if (memberId && ctx.onInstallFrame && !(await ctx.repos.portals.get(memberId))) await ctx.onInstallFrame(body)
    return servePlacement(ctx, 'install', body, (req.query ?? {}) as Record<string, unknown>, reply)
  }
  app.post('/bitrix/install', { bodyLimit: 64 * 1024 }, handler)
  app.get('/bitrix/install', handler)
}
