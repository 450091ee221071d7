// /oauth/token/ — refresh_token and authorization_code grants (reference 1.3), GET or form POST.
import type { FastifyInstance } from 'fastify'
import { queryOf } from './body.ts'
import { issuePair, tokenResponse } from '../oauth/tokens.ts'
import type { Runtime } from '../runtime.ts'

type Answer = { status: number; body: Record<string, unknown> }

const fail = (status: number, error: string, error_description: string): Answer => ({
  status,
  body: { error, error_description },
})

export function registerOAuth(app: FastifyInstance, rt: Runtime): void {
  const handler = async (
    req: { raw: { url?: string }; body: unknown },
    reply: { code(n: number): { send(b: unknown): unknown } },
  ) => {
    const p = {
      ...queryOf(req.raw.url),
      ...(typeof req.body === 'object' && req.body ? (req.body as Record<string, unknown>) : {}),
    }
    const a = exchange(rt, p)
    return reply.code(a.status).send(a.body)
  }
  app.get('/oauth/token/', handler)
  app.post('/oauth/token/', handler)
  app.get('/oauth/token', handler)
  app.post('/oauth/token', handler)
}

export function exchange(rt: Runtime, p: Record<string, unknown>): Answer {
  const { world } = rt
  const grant = String(p.grant_type ?? '')
  const app = world.appByClientId(String(p.client_id ?? ''))
  if (!app || app.clientSecret !== String(p.client_secret ?? '')) return fail(401, 'invalid_client', 'Invalid client')
  const value = grant === 'refresh_token' ? p.refresh_token : grant === 'authorization_code' ? p.code : undefined
  if (value === undefined) return fail(400, 'invalid_request', 'Invalid request')
  const t = world.token(String(value))
  const kind = grant === 'refresh_token' ? 'refresh' : 'code'
  if (!t || t.kind !== kind) return fail(400, 'invalid_grant', 'Invalid grant')
  if (t.appId !== app.id) return fail(401, 'invalid_client', 'Invalid client')
  if (t.usedAt !== null) return fail(400, 'invalid_grant', 'Invalid grant')
  if (t.expiresAt <= world.clock.now())
    return fail(400, 'invalid_grant', kind === 'code' ? 'Code expired' : 'Refresh token expired')
  const ps = world.state(t.portalId)
  if (!ps || !ps.installFor(app.id)) return fail(401, 'invalid_client', 'Application not installed')
  t.usedAt = world.clock.now()
  world.saveToken(t)
  rt.prt(ps.portal.id).log.counters.tokenRequests += 1
  const pair = issuePair(world, t.portalId, t.appId, t.userId)
  return { status: 200, body: tokenResponse(world, rt.endpoints, ps, app, pair) }
}
