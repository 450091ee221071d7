import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin } from '../session.ts'
import { installPortal } from '../../../use-cases/portal/install-portal.ts'
import { readConnection } from '../../../use-cases/portal/read-connection.ts'
import { reconnectPortal } from '../../../use-cases/portal/reconnect-portal.ts'
import { knownFields, objectBody } from '../receivables/parse.ts'

/**
 * The install page and the admin page (admins): plan or apply the manifest for the caller's portal;
 * apply is also the connection card's "repair" (re-binds events, re-creates missing fields, robots,
 * placements) and is audited as the admin who ran it. "Check now" runs the full dry-run again;
 * "Reconnect" connects a disconnected portal again with the refresh token of the admin's frame.
 */
export async function installApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.get('/install/plan', async (req) => {
    const s = requireAdmin(req)
    return { operations: await installPortal(ctx, s.memberId, false) }
  })
  scope.post('/install/apply', async (req) => {
    const s = requireAdmin(req)
    const steps: string[] = []
    const operations = await installPortal(ctx, s.memberId, true, (step) => steps.push(step), `user:${s.userId}`)
    return { steps, operations }
  })
  scope.post('/admin/connection/check', async (req) => readConnection(ctx, requireAdmin(req).memberId, { fresh: true }))
  scope.post('/admin/connection/reconnect', async (req) => {
    const s = requireAdmin(req)
    const b = knownFields(objectBody(req.body), ['refreshToken'])
    await reconnectPortal(ctx, s.memberId, `user:${s.userId}`, b.refreshToken)
    return readConnection(ctx, s.memberId)
  })
}
