// /api/admin/stage-requirements: the stage documents of debt recovery (a stage may require its
// document before the card leaves it). Admins only.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin } from '../session.ts'
import { receivablesPorts } from '../../../use-cases/receivables/receivables-ports.ts'
import { readStageRequirementsView, saveStageRequirements } from '../../../use-cases/admin/stage-requirements-admin.ts'
import { mapped } from '../receivables/parse.ts'

export async function adminStageRequirementsApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)
  scope.get('/admin/stage-requirements', async (req) => readStageRequirementsView(ports(), requireAdmin(req).memberId))
  scope.put('/admin/stage-requirements', async (req) => {
    const s = requireAdmin(req)
    return mapped(() =>
      saveStageRequirements(ports(), { memberId: s.memberId, actor: `user:${s.userId}`, source: 'admin' }, req.body),
    )
  })
}
