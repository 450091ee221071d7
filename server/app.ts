// Builds the Fastify app: external plugins, then ours, then routes.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import type { AppContext } from './context.ts'
import { registerBodyParsers } from './http/form-body.ts'
import { registerErrorHandler } from './http/error-handler.ts'
import { eventsRoute } from './http/bitrix/events-route.ts'
import { robotsRoute } from './http/bitrix/robots-route.ts'
import { placementsRoute } from './http/bitrix/placements-route.ts'
import { installRoute } from './http/bitrix/install-route.ts'
import { healthRoute } from './http/health-route.ts'
import { telegramRoute } from './http/telegram-route.ts'
import { claimLetterRoute } from './http/files/claim-letter-route.ts'
import { reconciliationActRoute } from './http/files/reconciliation-act-route.ts'
import { UI_DIST } from './http/bitrix/ui-shell.ts'
import { apiRoutes } from './http/api/index.ts'
import { existsSync } from 'node:fs'
import { requireFormOrJson } from './http/content-type-guard.ts'
import { rejectNulInUrl } from './http/url-guard.ts'
import { metricsRoute } from './http/metrics-route.ts'
import { httpDuration } from './lib/metrics.ts'
import { requestStarted } from './lib/event-loop-turn.ts'

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true },
  })
  registerBodyParsers(app)
  registerErrorHandler(app)
  // background work on embedded PGlite gives way while requests are answered (lib/event-loop-turn.ts)
  app.addHook('onRequest', async (_req, reply) => void reply.raw.once('close', requestStarted()))
  app.addHook('onRequest', async (req) => rejectNulInUrl(req))
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? '(unmatched)' // the template: one series per route, not per URL
    httpDuration.observe({ route, method: req.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000)
  })
  if (existsSync(UI_DIST))
    await app.register(fastifyStatic, { root: UI_DIST, prefix: '/ui/', index: false, wildcard: true })
  await app.register(async (scope) => {
    scope.addHook('preValidation', async (req) => requireFormOrJson(req))
    await eventsRoute(scope, ctx)
    await robotsRoute(scope, ctx)
    await placementsRoute(scope, ctx)
    await installRoute(scope, ctx)
    await healthRoute(scope, ctx)
  })
  await app.register(async (scope) => telegramRoute(scope, ctx))
  await app.register(async (scope) => metricsRoute(scope, ctx))
  await app.register(async (scope) => claimLetterRoute(scope, ctx))
  await app.register(async (scope) => reconciliationActRoute(scope, ctx))
  await app.register(async (scope) => apiRoutes(scope, ctx), { prefix: '/api' })
  return app
}
