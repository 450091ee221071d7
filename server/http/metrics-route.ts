import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context.ts'
import { safeEqual } from '../lib/safe-equal.ts'
import { ApiError } from './error-handler.ts'
import { collectMetrics, METRICS_CONTENT_TYPE } from './metrics-collect.ts'

/**
 * GET /metrics: Prometheus text, only with `Authorization: Bearer <APP_METRICS_TOKEN>`. Without the
 * setting it is off (404); a missing or wrong token gets 401 and not one figure.
 */
export async function metricsRoute(app: FastifyInstance, ctx: AppContext) {
  app.get('/metrics', async (req, reply) => {
    const token = ctx.config.metrics.token
    if (!token) throw new ApiError(404, 'metrics.off', 'Metrics are off: set APP_METRICS_TOKEN to turn them on')
    const header = req.headers.authorization ?? ''
    const given = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? ''
    if (!given || !safeEqual(given, token)) {
      void reply.header('www-authenticate', 'Bearer realm="metrics"')
      throw new ApiError(
        401,
        'metrics.unauthorized',
        'GET /metrics needs the header Authorization: Bearer <metrics token>',
      )
    }
    const text = await collectMetrics(ctx)
    return reply.type(METRICS_CONTENT_TYPE).send(text)
  })
}
