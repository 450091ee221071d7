import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin } from '../session.ts'
import { installPortal } from '../../../use-cases/install-portal.ts'

/** The install page and the admin page: plan or apply the manifest for the caller's portal (admins). */
export async function installApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.get('/install/plan', async (req) => {
    const s = requireAdmin(req)
    return { operations: await installPortal(ctx, s.memberId, false) }
  })
  scope.post('/install/apply', async (req) => {
    const s = requireAdmin(req)
    const steps: string[] = []
    const operations = await installPortal(ctx, s.memberId, true, (step) => steps.push(step))
    return { steps, operations }
  })
}
