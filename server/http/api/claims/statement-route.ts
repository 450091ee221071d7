// GET /api/claims/:id/statement-of-claim.docx?date=YYYY-MM-DD&court=arbitration|general&courtName=…:
// the statement of claim draft of a debt-recovery case, made on request (nothing is stored).
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { sessionOf } from '../session.ts'
import { dunningPorts } from '../../../use-cases/dunning/dunning-ports.ts'
import { generateClaimStatement } from '../../../use-cases/claims/generate-claim-statement.ts'
import { claimsRepository } from '../../../storage/repositories/claims.ts'
import { COURTS, type Court } from '../../../domain/claims/state-duty.ts'
import { idParam, mapped } from '../receivables/parse.ts'
import { ApiError } from '../../error-handler.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export async function claimStatementRoute(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.get<{ Params: Record<string, string>; Querystring: Record<string, unknown> }>(
    '/claims/:id/statement-of-claim.docx',
    async (req, reply) => {
      const s = sessionOf(req)
      const caseId = idParam(req.params.id, 'claim id')
      const q = req.query
      const date = q.date === undefined ? undefined : String(q.date)
      if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))))
        throw new ApiError(400, 'request.invalid-query', 'date must be a day YYYY-MM-DD')
      const court = (q.court === undefined ? 'arbitration' : String(q.court)) as Court
      if (!COURTS.includes(court))
        throw new ApiError(400, 'request.invalid-query', `court must be one of ${COURTS.join(', ')}`)
      const courtName = q.courtName === undefined ? undefined : String(q.courtName)
      if (courtName !== undefined && courtName.length > 200)
        throw new ApiError(400, 'request.invalid-query', 'courtName must be at most 200 characters')
      const c = await claimsRepository(ctx.database.db).get(s.memberId, caseId)
      if (!c) throw new ApiError(404, 'claim.not-found', `claim ${caseId} not found`)
      const out = await mapped(async () =>
        generateClaimStatement(
          dunningPorts(ctx),
          await ctx.b24!.forPortal(s.memberId),
          s.memberId,
          c.itemId,
          `user:${s.userId}`,
          { ...(date ? { filingDate: date } : {}), court, ...(courtName ? { courtName } : {}) },
        ),
      )
      return reply
        .type(DOCX)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(out.fileName)}"`)
        .header('cache-control', 'private, no-store')
        .send(out.docx)
    },
  )
}
