// Starts the route of a saved request (or restarts it after a rejection): validates the required
// fields (an incomplete request is refused with the missing fields named), resolves the people,
// commits round 1 (or the next round).
import {
  ApprovalError,
  defaultRoute,
  describeMissing,
  missingRequestFields,
  missingContractFields,
  startRoute,
} from '../../domain/approvals/index.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { ApprovalRecord } from '../../storage/repositories/approvals.ts'
import { effectKeys } from '../effect-keys.ts'
import type { ApprovalPorts } from './approval-ports.ts'
import type { ApprovalItem } from './approval-item.ts'
import { approvalCalendar, approvalRoles, approvalSla } from './approval-settings.ts'
import { assignSteps } from './resolve-approval-assignees.ts'
import { commitTransition, type Who } from './approval-transition.ts'
import { notifyUser } from './approval-notify.ts'

export type StartOutcome =
  | { status: 'started'; record: ApprovalRecord }
  | { status: 'incomplete'; missing: string[]; message: string }
  | { status: 'conflict' }

export function requestProblems(item: ApprovalItem, lang: 'ru' | 'en'): { missing: string[]; message: string } | null {
  const missing = item.pipeline === 'contracts' ? missingContractFields(item.input) : missingRequestFields(item.input)
  return missing.length ? { missing, message: describeMissing(missing, lang) } : null
}

export async function startApproval(
  ports: ApprovalPorts,
  client: PortalClient,
  memberId: string,
  process: InstalledProcess,
  item: ApprovalItem,
  previous: ApprovalRecord | null,
  who: Who,
): Promise<StartOutcome> {
  if (!item.pipeline) throw new ApprovalError('approval.not-in-progress', 'The item is not in an approval pipeline')
  const { calendar, lang } = await approvalCalendar(ports, memberId)
  const problems = requestProblems(item, lang)
  if (problems) {
    const key = effectKeys.approvalIncomplete(memberId, item.id, problems.missing.join(','))
    const claim = await ports.effects.claim(key, memberId)
    if (claim.state === 'new' && item.facts.initiatorId) {
      await notifyUser(
        ports,
        client,
        memberId,
        item.facts.initiatorId,
        `${problems.message} — «${item.title}»`,
        `rc_approval_${item.id}_incomplete`,
      )
      await ports.audit.record({
        memberId,
        actor: who.actor,
        source: who.source,
        action: 'approval.refused-incomplete',
        entity: 'approval-item',
        entityId: String(item.id),
        details: problems,
      })
      await ports.effects.complete(key, null)
    }
    return { status: 'incomplete', ...problems }
  }
  const [roles, sla] = await Promise.all([approvalRoles(ports, memberId), approvalSla(ports, memberId)])
  const route = defaultRoute(item.pipeline, { sla: sla.ladders, cfoRule: sla.cfoRule })
  const assign = await assignSteps(client, route, item.facts.initiatorId, roles)
  const t = startRoute(
    route,
    item.facts,
    assign,
    { cal: calendar, now: ports.now().toISOString(), deadlineRule: { cutoff: sla.cutoff, endOfDay: sla.endOfDay } },
    previous?.state ?? null,
  )
  const record = await commitTransition(
    ports,
    { memberId, entityTypeId: process.entityTypeId, itemId: item.id, pipeline: item.pipeline, previous },
    t.state,
    t.events,
    who,
    previous ? 'approval.restarted' : 'approval.started',
  )
  return record ? { status: 'started', record } : { status: 'conflict' }
}
