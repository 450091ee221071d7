import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { AppContext } from '../context.ts'

/** GET /healthz: the database answers and the queue is reachable. 503 otherwise. */
export async function healthRoute(app: FastifyInstance, ctx: AppContext) {
  app.get('/favicon.ico', async (_req, reply) => reply.status(204).send())
  app.get('/healthz', async (_req, reply) => {
    const checks: Record<string, string> = {}
    try { await sql`SELECT 1`.execute(ctx.database.db); checks.database = 'ok' } catch (e) { checks.database = (e as Error).message }
    try { await ctx.queue.boss.getQueue('event-handle'); checks.queue = 'ok' } catch (e) { checks.queue = (e as Error).message }
    const ok = Object.values(checks).every((v) => v === 'ok')
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: ctx.database.kind, checks })
  })
}
