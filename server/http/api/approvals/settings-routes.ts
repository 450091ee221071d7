// Admin page: the people in the roles and the SLA settings (administrators only).
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin, sessionOf } from '../session.ts'
import { approvalPorts } from '../../../use-cases/approvals/approval-ports.ts'
import { approvalRoles, approvalSla } from '../../../use-cases/approvals/approval-settings.ts'
import type { ApprovalSettingsDto } from '../../../../contracts/approvals.ts'
import { parseRoles, parseSla } from './validate-settings.ts'

export async function approvalSettingsRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => approvalPorts(ctx)
  const read = async (memberId: string): Promise<ApprovalSettingsDto> => ({
    roles: await approvalRoles(ports(), memberId),
    sla: await approvalSla(ports(), memberId),
  })

  scope.get('/approvals/settings', async (req): Promise<ApprovalSettingsDto> => read(sessionOf(req).memberId))

  scope.put('/approvals/settings/roles', async (req): Promise<ApprovalSettingsDto> => {
    const s = requireAdmin(req)
    const roles = parseRoles(req.body)
    await ctx.repos.settings.set(s.memberId, 'approvals.roles', roles, `user:${s.userId}`)
    await ctx.repos.audit.record({
      memberId: s.memberId,
      actor: `user:${s.userId}`,
      source: 'ui',
      action: 'settings.changed',
      entity: 'settings',
      entityId: 'approvals.roles',
      details: roles,
    })
    return read(s.memberId)
  })

  scope.put('/approvals/settings/sla', async (req): Promise<ApprovalSettingsDto> => {
    const s = requireAdmin(req)
    const sla = parseSla(req.body, await approvalSla(ports(), s.memberId))
    await ctx.repos.settings.set(s.memberId, 'approvals.sla', sla, `user:${s.userId}`)
    await ctx.repos.audit.record({
      memberId: s.memberId,
      actor: `user:${s.userId}`,
      source: 'ui',
      action: 'settings.changed',
      entity: 'settings',
      entityId: 'approvals.sla',
      details: sla,
    })
    return read(s.memberId)
  })
}
