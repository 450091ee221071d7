// Fastify instances: the root (OAuth server, admin API, portal page root) and one per portal
// (its own origin: REST + CORS). Everything listens on 127.0.0.1 by default.
import Fastify, { type FastifyInstance } from 'fastify'
import { installBodyParsers } from './body.ts'
import { installCors } from './cors.ts'
import { registerRest } from './rest-route.ts'
import { registerOAuth } from './oauth-route.ts'
import { registerAdmin } from './admin-routes.ts'
import type { Runtime } from '../runtime.ts'
import type { SandboxClient } from '../admin/client.ts'
import type { TlsMaterial } from './self-signed.ts'

export type ServerPlugins = {
  root?: (app: FastifyInstance) => void | Promise<void>
  portal?: (app: FastifyInstance, portalId: number) => void | Promise<void>
}

// Idle keep-alive sockets live 75 s, like the nginx in front of a real portal: with Node's 5 s
// default a client reusing a socket at the moment the server drops it gets ECONNRESET on a write.
function base(tls: TlsMaterial | null): FastifyInstance {
  const app = Fastify({
    ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}),
    logger: false,
    forceCloseConnections: true,
    bodyLimit: 64 * 1024 * 1024,
    keepAliveTimeout: 75_000,
  })
  installBodyParsers(app)
  installCors(app)
  return app
}

export async function buildRoot(rt: Runtime, client: SandboxClient, plugins: ServerPlugins): Promise<FastifyInstance> {
  const app = base(rt.tls)
  registerOAuth(app, rt)
  registerAdmin(app, client)
  if (plugins.root) await plugins.root(app)
  else app.get('/', async (_req, reply) => reply.type('text/html').send(rootPage(client)))
  return app
}

export async function buildPortal(rt: Runtime, portalId: number, plugins: ServerPlugins): Promise<FastifyInstance> {
  const app = base(rt.tls)
  registerRest(app, rt, portalId)
  registerOAuth(app, rt)
  if (plugins.portal) await plugins.portal(app, portalId)
  else
    app.get('/', async (_req, reply) =>
      reply
        .type('text/html')
        .send(
          `<!doctype html><title>${escapeHtml(rt.world.state(portalId)?.portal.title ?? '')}</title><h1>${escapeHtml(rt.world.state(portalId)?.portal.title ?? '')}</h1><p>REST: /rest/</p>`,
        ),
    )
  return app
}

function rootPage(client: SandboxClient): string {
  const rows = client
    .portals()
    .map((p) => `<li><a href="${p.origin}/">${escapeHtml(p.title)}</a> — ${p.restBase} (member_id ${p.memberId})</li>`)
    .join('')
  return `<!doctype html><meta charset="utf-8"><title>Bitrix24 sandbox</title><h1>Bitrix24 sandbox</h1><ul>${rows}</ul><p>Admin API: /_sandbox/</p>`
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
