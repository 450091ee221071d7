// Validation of the admin settings (roles, SLA ladders, CFO rule, cut-off), with messages a person can act on.
import { ApiError } from '../../error-handler.ts'
import {
  ROLE_KEYS,
  SLA_STEPS,
  DEFAULT_SLA,
  type ApprovalRoles,
  type ApprovalSlaSettings,
} from '../../../use-cases/approvals/approval-settings.ts'
import type { SlaPolicy, WorkingSpan } from '../../../domain/approvals/index.ts'
import { objectBody } from './parse.ts'

const COST_ITEMS = ['goods', 'services', 'rent', 'marketing', 'it', 'taxes', 'other']
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/
const bad = (message: string, field: string): never => {
  throw new ApiError(400, 'approval.invalid-settings', message, { field })
}

export function parseRoles(body: unknown): ApprovalRoles {
  const b = objectBody(body)
  for (const k of Object.keys(b))
    if (!(ROLE_KEYS as string[]).includes(k)) bad(`Unknown role "${k}"; roles are ${ROLE_KEYS.join(', ')}`, k)
  return Object.fromEntries(
    ROLE_KEYS.map((k) => {
      const v = b[k]
      if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0))
        bad(`${k} must be a portal user id (positive integer) or null`, k)
      return [k, (v as number | undefined) ?? null]
    }),
  ) as ApprovalRoles
}

function span(v: unknown, field: string): WorkingSpan | null {
  if (v === null || v === undefined) return null
  const o =
    typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : bad(`${field} must be {days, hours} or null`, field)
  const days = o.days ?? 0
  const hours = o.hours ?? 0
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 60)
    bad(`${field}.days must be a whole number of working days from 0 to 60`, `${field}.days`)
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > 24)
    bad(`${field}.hours must be working hours from 0 to 24`, `${field}.hours`)
  if ((days as number) === 0 && (hours as number) === 0)
    bad(`${field} must be longer than zero (or null to switch it off)`, field)
  return { days: days as number, hours: hours as number }
}

function policy(v: unknown, step: string): SlaPolicy {
  const o = objectBody(v)
  const check = o.checkEveryHours ?? null
  if (check !== null && (typeof check !== 'number' || !Number.isFinite(check) || check < 0.25 || check > 240))
    bad(
      `ladders.${step}.checkEveryHours must be from 0.25 to 240 working hours, or null`,
      `ladders.${step}.checkEveryHours`,
    )
  const remindAfter = span(o.remindAfter, `ladders.${step}.remindAfter`)
  const escalateAfter = span(o.escalateAfter, `ladders.${step}.escalateAfter`)
  const minutes = (s: WorkingSpan) => s.days * 24 * 60 + s.hours * 60
  if (remindAfter && escalateAfter && minutes(escalateAfter) <= minutes(remindAfter))
    bad(`ladders.${step}: the escalation must come after the reminder`, `ladders.${step}.escalateAfter`)
  return {
    checkEveryHours: check as number | null,
    remindAfter,
    escalateAfter,
    untilTaken: o.untilTaken === undefined ? step === 'head' : o.untilTaken === true,
  }
}

export function parseSla(body: unknown, current: ApprovalSlaSettings): ApprovalSlaSettings {
  const b = objectBody(body)
  for (const k of Object.keys(b))
    if (!['ladders', 'cfoRule', 'cutoff', 'endOfDay'].includes(k))
      bad(`Unknown setting "${k.slice(0, 40)}"; the settings are ladders, cfoRule, cutoff, endOfDay`, k)
  const ladders = { ...current.ladders }
  if (b.ladders !== undefined) {
    for (const [step, v] of Object.entries(objectBody(b.ladders))) {
      if (!(SLA_STEPS as readonly string[]).includes(step))
        bad(`Unknown step "${step}"; steps are ${SLA_STEPS.join(', ')}`, `ladders.${step}`)
      ladders[step] = policy(v, step)
    }
  }
  let cfoRule = current.cfoRule
  if (b.cfoRule !== undefined) {
    if (b.cfoRule === null) cfoRule = null
    else {
      const r = objectBody(b.cfoRule)
      const min = r.minAmount
      if (min !== undefined && (typeof min !== 'number' || !Number.isSafeInteger(min) || min <= 0))
        bad('cfoRule.minAmount must be a positive amount in kopecks', 'cfoRule.minAmount')
      const items = r.costItems
      if (items !== undefined && (!Array.isArray(items) || items.some((i) => !COST_ITEMS.includes(i as string))))
        bad(`cfoRule.costItems must list cost items from ${COST_ITEMS.join(', ')}`, 'cfoRule.costItems')
      if (min === undefined && !(items as unknown[] | undefined)?.length)
        bad('cfoRule needs minAmount or costItems (or null to switch the CFO step off)', 'cfoRule')
      cfoRule = {
        ...(min !== undefined ? { minAmount: min as number } : {}),
        ...(items ? { costItems: items as string[] } : {}),
      }
    }
  }
  const cutoff = b.cutoff ?? current.cutoff ?? DEFAULT_SLA.cutoff
  const endOfDay = b.endOfDay ?? current.endOfDay ?? DEFAULT_SLA.endOfDay
  if (typeof cutoff !== 'string' || !CLOCK.test(cutoff)) bad('cutoff must be a time HH:MM', 'cutoff')
  if (typeof endOfDay !== 'string' || !CLOCK.test(endOfDay)) bad('endOfDay must be a time HH:MM', 'endOfDay')
  if ((cutoff as string) >= (endOfDay as string)) bad('the cut-off must be earlier than the end of the day', 'cutoff')
  return { ladders, cfoRule, cutoff: cutoff as string, endOfDay: endOfDay as string }
}
