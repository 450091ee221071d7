// Every approval decision as an entry in the request's own timeline (seed 004: all stages are
// recorded in the timeline): who, when (portal time), the decision, the reason of a rejection, and
// whether the step's SLA was kept. Written once per decision: a retried transition finds its entry.
import { DateTime } from 'luxon'
import type { StepRole, StepState } from '../../domain/approvals/index.ts'
import { slaStatusOf } from '../../domain/approvals/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { timeline, timelineTarget } from '../../bitrix24/rest/index.ts'
import type { EffectsRepository } from '../../storage/repositories/effects.ts'
import { writeOnce } from '../dunning/dunning-write-once.ts'
import { userName } from '../dunning/dunning-channels.ts'

const ROLE: Record<StepRole, { ru: string; en: string }> = {
  'department-head': { ru: 'руководитель отдела', en: 'department head' },
  cfo: { ru: 'финансовый директор', en: 'CFO' },
  'finance-manager': { ru: 'финансист', en: 'finance manager' },
  lawyer: { ru: 'юрист', en: 'lawyer' },
  signatory: { ru: 'подписант', en: 'signatory' },
  'chief-accountant': { ru: 'главный бухгалтер', en: 'chief accountant' },
}

const SLA = {
  ru: { 'on-time': 'соблюдён', reminded: 'нарушен (было напоминание)', escalated: 'нарушен (эскалация)' },
  en: { 'on-time': 'kept', reminded: 'breached (reminded)', escalated: 'breached (escalated)' },
} as const

export interface DecisionEntry {
  step: StepState
  decision: 'approved' | 'rejected'
  byName: string
  /** The assignee's name when the operations manager decided instead. */
  insteadOf: string | null
  timezone: string
  lang: 'ru' | 'en'
}

export function decisionEntryText(e: DecisionEntry): string {
  const role = ROLE[e.step.role]?.[e.lang] ?? e.step.role
  const at = e.step.decidedAt
    ? DateTime.fromISO(e.step.decidedAt, { zone: e.timezone }).toFormat(
        e.lang === 'ru' ? 'dd.MM.yyyy HH:mm' : 'yyyy-MM-dd HH:mm',
      )
    : '—'
  const sla = SLA[e.lang][slaStatusOf(e.step)]
  const reason = e.decision === 'rejected' ? (e.step.reason ?? '—') : null
  if (e.lang === 'ru')
    return [
      `Согласование, шаг «${role}»: ${e.decision === 'approved' ? 'согласовано' : 'отклонено'}`,
      `Кто: ${e.byName}${e.insteadOf ? ` (вместо: ${e.insteadOf})` : ''}`,
      `Когда: ${at}`,
      ...(reason ? [`Причина: ${reason}`] : []),
      `SLA: ${sla}`,
    ].join('\n')
  return [
    `Approval, step "${role}": ${e.decision}`,
    `By: ${e.byName}${e.insteadOf ? ` (instead of ${e.insteadOf})` : ''}`,
    `When: ${at}`,
    ...(reason ? [`Reason: ${reason}`] : []),
    `SLA: ${sla}`,
  ].join('\n')
}

/** Adds the entry once under `key`; after a lost answer the entry is found by its text. */
export async function recordDecisionEntry(
  ports: { effects: EffectsRepository },
  client: PortalClient,
  o: { memberId: string; key: string; entityTypeId: number; itemId: number },
  entry: Omit<DecisionEntry, 'byName' | 'insteadOf'>,
): Promise<void> {
  const s = entry.step
  const byName = (await userName(client, s.decidedBy)) || `#${s.decidedBy ?? '?'}`
  const insteadOf = s.substitute ? (await userName(client, s.assigneeId)) || null : null
  const text = decisionEntryText({ ...entry, byName, insteadOf })
  const target = timelineTarget(o.entityTypeId, o.itemId)
  await writeOnce<{ commentId: number }>(ports.effects, o.memberId, o.key, {
    lookup: async () => {
      const hit = (await timeline.list(client, target, ['ID', 'COMMENT'])).find((c) => c.COMMENT === text)
      return hit ? { commentId: Number(hit.ID) } : null
    },
    write: async () => ({ commentId: await timeline.add(client, target, text) }),
  })
}
