// CORS for REST and OAuth: the app's iframe lives on another origin and calls /rest/ directly.
import type { FastifyInstance } from 'fastify'

export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin
    reply.header('Access-Control-Allow-Origin', origin ?? '*')
    if (origin) reply.header('Vary', 'Origin')
    reply.header('Access-Control-Allow-Credentials', 'true')
    reply.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
    reply.header(
      'Access-Control-Allow-Headers',
      req.headers['access-control-request-headers'] ?? 'Content-Type, Authorization',
    )
    reply.header('Access-Control-Max-Age', '600')
    if (req.method === 'OPTIONS') {
      reply.code(204).send()
    }
  })
}
