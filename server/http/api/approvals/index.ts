// /api approvals module: the approval tab (view, start/restart, take, decide), Telegram linking,
// and the admin settings (roles, SLA).
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { approvalSettingsRoutes } from './settings-routes.ts'
import { approvalTelegramRoutes } from './telegram-routes.ts'
import { approvalItemRoutes } from './item-routes.ts'

export async function approvalsApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  await approvalSettingsRoutes(scope, ctx)
  await approvalTelegramRoutes(scope, ctx)
  await approvalItemRoutes(scope, ctx)
}
