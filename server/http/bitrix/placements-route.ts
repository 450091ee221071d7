import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppContext } from '../../context.ts'
import { InboundError } from '../../bitrix24/inbound/inbound-error.ts'
import { renderShell, frameAncestorsCsp } from './ui-shell.ts'
import { jobKeys } from '../../use-cases/effect-keys.ts'
import { portalInstallJob } from '../../jobs/tasks/portal-install.ts'

const TAB = /^[a-z0-9][a-z0-9-]{0,62}$/
const MEMBER_ID = /^[A-Za-z0-9_.-]{1,64}$/
const LANGS = new Set(['ru', 'en'])

function pickLang(raw: unknown, fallback: string): string {
  const l = typeof raw === 'string' ? raw.toLowerCase().slice(0, 2) : fallback
  return LANGS.has(l) ? l : 'en'
}

/** Serves the UI shell for a tab, framable only by the portal that opened it. */
export async function servePlacement(
  ctx: AppContext,
  tab: string,
  body: Record<string, unknown>,
  query: Record<string, unknown>,
  reply: FastifyReply,
) {
  if (!TAB.test(tab)) throw new InboundError(404, 'placement.unknown', 'No such tab')
  const memberId =
    typeof body.member_id === 'string' ? body.member_id : typeof query.member_id === 'string' ? query.member_id : null
  if (!memberId)
    throw new InboundError(
      400,
      'placement.no-member-id',
      'The placement request has no member_id: open the tab from the Bitrix24 portal',
    )
  if (!MEMBER_ID.test(memberId)) throw new InboundError(400, 'placement.bad-member-id', 'member_id is malformed')
  const portal = await ctx.repos.portals.get(memberId)
  if (!portal || portal.status === 'uninstalled')
    throw new InboundError(403, 'placement.unknown-portal', 'This app is not installed on the portal that opened it')
  // A newer build than the portal was installed with: reconcile it once (keyed by version).
  const version = ctx.config.b24.appVersion
  if (portal.appVersion !== null && portal.appVersion !== version) {
    await ctx.queue.send(
      portalInstallJob.name,
      { memberId },
      { key: jobKeys.portalInstall(memberId, version), memberId },
    )
  }
  const origin = new URL(portal.clientEndpoint).origin
  const lang = pickLang(query.LANG ?? body.LANG, portal.lang)
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', frameAncestorsCsp(origin))
    .header('cache-control', 'no-store')
    .send(renderShell(tab, lang, { 'app-portal-origin': origin }))
}

export async function placementsRoute(app: FastifyInstance, ctx: AppContext) {
  const handler = async (req: { params: { tab: string }; body: unknown; query: unknown }, reply: FastifyReply) =>
    servePlacement(
      ctx,
      req.params.tab,
      (req.body ?? {}) as Record<string, unknown>,
      (req.query ?? {}) as Record<string, unknown>,
      reply,
    )
  app.post<{ Params: { tab: string } }>('/bitrix/placements/:tab', { bodyLimit: 64 * 1024 }, handler)
  app.get<{ Params: { tab: string } }>('/bitrix/placements/:tab', handler)
}
