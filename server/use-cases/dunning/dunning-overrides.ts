// Per-counterparty and per-receivable dunning settings from the tab: segment, risk segment, do not
// dun, Telegram chat, debtor time zone and language, and rule overrides (ladder, escalation).
import { DateTime } from 'luxon'
import {
  DunningError,
  RISK_SEGMENTS,
  validateDunningRules,
  type DunningOverride,
  type EscalationStep,
} from '../../domain/dunning/index.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { openReceivable, type Actor } from './dunning-actions.ts'
import { requireLedgerCounterparty } from './read-counterparty-dunning.ts'

/** `rule` picks the ru/en text of the error (contracts/error-messages.ts). */
const invalid = (m: string, rule?: string, more: Record<string, string> = {}) =>
  new DunningError('dunning.invalid-input', m, rule ? { rule, ...more } : undefined)
const has = (b: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(b, k)

async function parseOverride(ports: DunningPorts, memberId: string, v: unknown): Promise<DunningOverride | null> {
  if (v === null) return null
  if (typeof v !== 'object' || Array.isArray(v)) throw invalid('override must be an object or null', 'override')
  const o = v as DunningOverride
  const rules = await loadDunningRules(ports, memberId)
  const out: DunningOverride = {}
  if (o.riskSegment !== undefined) {
    if (!RISK_SEGMENTS.includes(o.riskSegment))
      throw invalid(`override.riskSegment must be ${RISK_SEGMENTS.join(', ')}`, 'risk-segment')
    out.riskSegment = o.riskSegment
  }
  if (o.ladder !== undefined) {
    if (!rules.ladders.some((l) => l.id === o.ladder))
      throw invalid(`override.ladder "${String(o.ladder)}" does not exist`, 'ladder', { ladder: String(o.ladder) })
    out.ladder = o.ladder
  }
  if (o.doNotDun !== undefined) {
    if (typeof o.doNotDun !== 'boolean') throw invalid('override.doNotDun must be true or false', 'do-not-dun')
    out.doNotDun = o.doNotDun
  }
  if (o.escalation !== undefined) {
    // the escalation list is checked by the same rules as the portal settings
    validateDunningRules({
      ...rules,
      rules: [
        ...rules.rules,
        {
          id: 'override',
          riskSegment: 'normal',
          ladder: rules.ladders[0].id,
          escalation: o.escalation as EscalationStep[],
        },
      ],
    })
    out.escalation = o.escalation
  }
  return out
}

export async function setCounterpartyDunning(
  ports: DunningPorts,
  a: Actor,
  type: 'company' | 'contact',
  entityId: number,
  b: Record<string, unknown>,
): Promise<void> {
  const cp = { id: await requireLedgerCounterparty(ports, a.memberId, type, entityId) }
  const patch: Parameters<DunningPorts['repo']['patchCounterparty']>[2] = {}
  if (has(b, 'segment')) {
    if (b.segment !== null && (typeof b.segment !== 'string' || b.segment.length > 100))
      throw invalid('segment must be text up to 100 characters or null', 'segment')
    patch.segment = (b.segment as string | null) || null
  }
  if (has(b, 'riskSegment')) {
    if (b.riskSegment !== null && !RISK_SEGMENTS.includes(b.riskSegment as never))
      throw invalid(`riskSegment must be ${RISK_SEGMENTS.join(', ')} or null`, 'risk-segment')
    patch.risk_segment = b.riskSegment as never
  }
  if (has(b, 'doNotDun')) {
    if (typeof b.doNotDun !== 'boolean') throw invalid('doNotDun must be true or false', 'do-not-dun')
    patch.do_not_dun = b.doNotDun
  }
  // the tab links a chat by a one-time link (counterparty-telegram-link.ts) and only unlinks (null) here
  if (has(b, 'telegramChatId')) {
    if (b.telegramChatId !== null && (typeof b.telegramChatId !== 'string' || !/^-?\d{1,20}$/.test(b.telegramChatId)))
      throw invalid('telegramChatId must be a numeric Telegram chat id or null', 'telegram-chat')
    patch.telegram_chat_id = b.telegramChatId as string | null
    patch.telegram_linked_at = null
  }
  if (has(b, 'timezone')) {
    if (b.timezone !== null && (typeof b.timezone !== 'string' || !DateTime.local().setZone(b.timezone).isValid))
      throw invalid('timezone must be an IANA zone such as Europe/Moscow, or null', 'timezone')
    patch.timezone = b.timezone as string | null
  }
  if (has(b, 'lang')) {
    if (b.lang !== null && b.lang !== 'ru' && b.lang !== 'en') throw invalid('lang must be "ru", "en" or null', 'lang')
    patch.lang = b.lang as 'ru' | 'en' | null
  }
  if (has(b, 'override')) {
    const o = await parseOverride(ports, a.memberId, b.override)
    patch.override = o ? JSON.stringify(o) : null
  }
  if (!Object.keys(patch).length) throw invalid('nothing to change', 'nothing')
  await ports.repo.patchCounterparty(a.memberId, Number(cp.id), patch)
  await ports.audit.record({
    memberId: a.memberId,
    actor: `user:${a.userId}`,
    source: 'ui',
    action: 'dunning.counterparty-settings',
    entity: 'counterparty',
    entityId: String(cp.id),
    details: b,
  })
}

export async function setReceivableDunning(
  ports: DunningPorts,
  a: Actor,
  receivableId: number,
  b: Record<string, unknown>,
): Promise<void> {
  await openReceivable(ports, a.memberId, receivableId)
  const patch: Parameters<DunningPorts['repo']['patchState']>[2] = {}
  if (has(b, 'riskSegment')) {
    if (b.riskSegment !== null && !RISK_SEGMENTS.includes(b.riskSegment as never))
      throw invalid(`riskSegment must be ${RISK_SEGMENTS.join(', ')} or null`, 'risk-segment')
    patch.risk_segment = b.riskSegment as never
  }
  if (has(b, 'doNotDun')) {
    if (typeof b.doNotDun !== 'boolean') throw invalid('doNotDun must be true or false', 'do-not-dun')
    patch.do_not_dun = b.doNotDun
  }
  if (has(b, 'override')) {
    const o = await parseOverride(ports, a.memberId, b.override)
    patch.override = o ? JSON.stringify(o) : null
  }
  if (!Object.keys(patch).length) throw invalid('nothing to change', 'nothing')
  await ports.repo.patchState(a.memberId, receivableId, patch)
  await ports.audit.record({
    memberId: a.memberId,
    actor: `user:${a.userId}`,
    source: 'ui',
    action: 'dunning.receivable-settings',
    entity: 'receivable',
    entityId: String(receivableId),
    details: b,
  })
}
