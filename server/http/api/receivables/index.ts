// /api receivables module: counterparty header, contracts, receivables page, detail, ageing, and
// the writes (create, payment, reversal), the reconciliation act. The session gives the portal and the user.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { receivablesReadRoutes } from './read-routes.ts'
import { receivablesWriteRoutes } from './write-routes.ts'
import { interactionRoutes } from './interaction-routes.ts'
import { invoicePdfRoute } from './invoice-pdf-route.ts'
import { actRoutes } from './act-routes.ts'

export async function receivablesApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  await receivablesReadRoutes(scope, ctx)
  await receivablesWriteRoutes(scope, ctx)
  await interactionRoutes(scope, ctx)
  await invoicePdfRoute(scope, ctx)
  await actRoutes(scope, ctx)
}
