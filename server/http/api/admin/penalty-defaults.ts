// /api/admin/penalty-defaults: the method of the claim letter when a contract sets none, the
// no-accrual windows and the debtors' opt-outs (validated in the domain, audited); the debtor
// search for the opt-out picker. Admins only.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin } from '../session.ts'
import { receivablesPorts } from '../../../use-cases/receivables/receivables-ports.ts'
import { findDebtors, readPenaltyDefaults, savePenaltyDefaults } from '../../../use-cases/admin/penalty-defaults.ts'
import { mapped } from '../receivables/parse.ts'

export async function adminPenaltyDefaultsApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)
  scope.get('/admin/penalty-defaults', async (req) => readPenaltyDefaults(ports(), requireAdmin(req).memberId))
  scope.put('/admin/penalty-defaults', async (req) => {
    const s = requireAdmin(req)
    return mapped(() =>
      savePenaltyDefaults(ports(), { memberId: s.memberId, actor: `user:${s.userId}`, source: 'admin' }, req.body),
    )
  })
  scope.get<{ Querystring: { q?: string } }>('/admin/penalty-defaults/debtors', async (req) => {
    const s = requireAdmin(req)
    return { debtors: await findDebtors(ports(), s.memberId, typeof req.query.q === 'string' ? req.query.q : '') }
  })
}
