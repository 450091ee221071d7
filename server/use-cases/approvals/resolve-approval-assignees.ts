// Who holds each step: the head of the initiator's department (portal departments, UF_HEAD; walk
// up when a department has no head) and the people set in the admin roles.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import {
  resolveDepartmentHead,
  type Department,
  type RouteDefinition,
  type StepAssignment,
} from '../../domain/approvals/index.ts'
import type { ApprovalRoles } from './approval-settings.ts'

type DepartmentRow = { ID: string | number; PARENT?: string | number | null; UF_HEAD?: string | number | null }
const id = (v: unknown): number | null => {
  const n = Number(v)
  return Number.isSafeInteger(n) && n > 0 ? n : null
}

/** skipSelf: when the user heads their own department, the head above them (their manager). */
export async function departmentHeadOf(client: PortalClient, initiatorId: number, o: { skipSelf?: boolean } = {}) {
  const users = await client.call<{ UF_DEPARTMENT?: (string | number)[] }[]>('user.get', { ID: initiatorId })
  const starts = (users[0]?.UF_DEPARTMENT ?? []).map(id).filter((d): d is number => d !== null)
  const known = new Map<number, Department>()
  for (const start of starts) {
    let next: number | null = start
    for (let depth = 0; next !== null && depth < 20 && !known.has(next); depth++) {
      const rows: DepartmentRow[] = await client.call<DepartmentRow[]>('department.get', { ID: next })
      const row = rows[0]
      if (!row) break
      const dep: Department = { id: Number(row.ID), parentId: id(row.PARENT), headId: id(row.UF_HEAD) }
      known.set(dep.id, dep)
      if (dep.headId !== null && dep.headId !== initiatorId) break
      next = dep.parentId
    }
  }
  const deps = [...known.values()].map((d) => (o.skipSelf && d.headId === initiatorId ? { ...d, headId: null } : d))
  return resolveDepartmentHead(deps, initiatorId, starts)
}

export async function assignSteps(
  client: PortalClient,
  route: RouteDefinition,
  initiatorId: number,
  roles: ApprovalRoles,
): Promise<Record<string, StepAssignment>> {
  const out: Record<string, StepAssignment> = {}
  for (const step of route.steps) {
    switch (step.role) {
      case 'department-head': {
        const head = await departmentHeadOf(client, initiatorId)
        // nobody heads the initiator's departments up to the top (or the initiator is in none): the
        // operations manager, who may approve for any approver, holds the step instead of nobody
        out[step.id] =
          head.kind === 'none'
            ? { assigneeId: roles.operationsManager ?? null }
            : { assigneeId: head.userId, selfApproval: head.kind === 'self' }
        break
      }
      case 'cfo':
        out[step.id] = { assigneeId: roles.cfo }
        break
      case 'finance-manager':
        out[step.id] = { assigneeId: roles.financeManager }
        break
      case 'lawyer':
        out[step.id] = { assigneeId: roles.lawyer }
        break
      case 'signatory':
        out[step.id] = { assigneeId: roles.signatory }
        break
      case 'chief-accountant':
        out[step.id] = { assigneeId: roles.chiefAccountant }
        break
    }
  }
  return out
}
