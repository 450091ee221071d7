// GET /files/reconciliation-acts/(pdf|xlsx)/:id?m=&e=&s= — a generated reconciliation act through a
// signed, expiring link.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.ts'
import { verifyLink } from '../../lib/signed-link.ts'
import { reconciliationActsRepository } from '../../storage/repositories/reconciliation-acts.ts'
import { RECONCILIATION_ACT_PATH } from '../../use-cases/receivables/reconciliation-act-link.ts'
import { ApiError } from '../error-handler.ts'

const TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

export async function reconciliationActRoute(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: { kind: string; id: string }; Querystring: Record<string, string> }>(
    `${RECONCILIATION_ACT_PATH}/:kind/:id`,
    async (req, reply) => {
      const kind = req.params.kind === 'pdf' || req.params.kind === 'xlsx' ? req.params.kind : null
      const id = /^[1-9]\d{0,14}$/.test(req.params.id) ? Number(req.params.id) : NaN
      const { m, e, s } = req.query
      const invalid = () => new ApiError(403, 'link.invalid', 'This link is invalid or has expired; make the act again')
      if (!kind || !Number.isSafeInteger(id) || typeof m !== 'string' || typeof s !== 'string') throw invalid()
      if (!verifyLink(ctx.config.secretKey, m, id, Number(e), s, ctx.clock.now().getTime())) throw invalid()
      const portal = await ctx.portalLookup(m)
      if (!portal || portal.status === 'uninstalled') throw invalid()
      const file = await reconciliationActsRepository(ctx.database.db).file(m, id, kind)
      if (!file) throw new ApiError(404, 'act.not-found', 'The act is gone')
      return reply
        .type(TYPES[kind])
        .header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.data))
    },
  )
}
