import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { AppContext } from '../context.ts'

/**
 * GET /healthz: the database answers and the queue is reachable; 503 otherwise. Public, so it says
 * only ok/fail per component: no error text, no database kind or name (the log has the reason).
 */
export async function healthRoute(app: FastifyInstance, ctx: AppContext) {
  app.get('/favicon.ico', async (_req, reply) => reply.status(204).send())
  app.get('/healthz', async (req, reply) => {
    const checks: Record<string, 'ok' | 'fail'> = { database: 'ok', queue: 'ok' }
    try {
      await sql`SELECT 1`.execute(ctx.database.db)
    } catch (e) {
      checks.database = 'fail'
      req.log.warn({ err: (e as Error).message }, 'health.database-failed')
    }
    try {
      await ctx.queue.boss.getQueue('event-handle')
    } catch (e) {
      checks.queue = 'fail'
      req.log.warn({ err: (e as Error).message }, 'health.queue-failed')
    }
    const ok = Object.values(checks).every((v) => v === 'ok')
    if (!ok) void reply.header('retry-after', '5')
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'fail', checks })
  })
}
