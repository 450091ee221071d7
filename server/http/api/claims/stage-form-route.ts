// GET /api/claims/:id/stage-forms/:stage: the stage's print form filled with the case's values.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { sessionOf } from '../session.ts'
import { dunningPorts } from '../../../use-cases/dunning/dunning-ports.ts'
import { stageForm } from '../../../use-cases/claims/stage-form.ts'
import { claimsRepository } from '../../../storage/repositories/claims.ts'
import { idParam, mapped } from '../receivables/parse.ts'
import { ApiError } from '../../error-handler.ts'
import { sendDocument } from './send-document.ts'

export async function claimStageFormRoute(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.get<{ Params: Record<string, string> }>('/claims/:id/stage-forms/:stage', async (req, reply) => {
    const s = sessionOf(req)
    const caseId = idParam(req.params.id, 'claim id')
    const c = await claimsRepository(ctx.database.db).get(s.memberId, caseId)
    if (!c) throw new ApiError(404, 'claim.not-found', `claim ${caseId} not found`)
    const file = await mapped(async () =>
      stageForm(
        dunningPorts(ctx),
        await ctx.b24!.forPortal(s.memberId),
        s.memberId,
        c.itemId,
        String(req.params.stage),
      ),
    )
    return sendDocument(reply, file)
  })
}
