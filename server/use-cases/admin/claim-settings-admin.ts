// The admin's claim work settings (setting 'claims'): who gets the payout tranche tasks, how many
// working days before the deadline, and the claim specialist. Read with the fallbacks the tasks use
// (the approval roles, 2 days), saved after strict validation and audited with the keys that changed;
// an unchanged form writes nothing.
import type { ClaimSettingsDto, ClaimSettingsInputDto } from '../../../contracts/claim-settings.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { PRETRIAL_ACTIONS } from '../../domain/claims/pretrial-expiry.ts'
import type { AfterPretrial } from '../../../contracts/claim-settings.ts'
import {
  CLAIM_SETTINGS_KEY,
  CLAIM_TASK_DAYS_DEFAULT,
  CLAIM_TASK_DAYS_MAX,
  AFTER_PRETRIAL_DEFAULT,
  loadClaimSettings,
} from '../claims/claim-settings.ts'

const FIELDS = ['accountantId', 'taskDaysBefore', 'specialistId'] as const
/** Optional: a form that does not send it keeps the stored choice. */
const OPTIONAL = ['afterPretrial'] as const
const invalid = (message: string) => new LedgerError('invalid', 'settings.invalid', message)

/** The whole form, checked field by field; throws LedgerError 'settings.invalid' naming the field. */
export function parseClaimSettings(body: unknown): ClaimSettingsInputDto {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw invalid(`the body must be an object { ${FIELDS.join(', ')} }`)
  const b = body as Record<string, unknown>
  const unknown = Object.keys(b).filter(
    (k) => !(FIELDS as readonly string[]).includes(k) && !(OPTIONAL as readonly string[]).includes(k),
  )
  if (unknown.length)
    throw invalid(
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown
        .slice(0, 5)
        .map((k) => JSON.stringify(k.slice(0, 40)))
        .join(', ')}; expected ${FIELDS.join(', ')}`,
    )
  const missing = FIELDS.filter((k) => !Object.hasOwn(b, k))
  if (missing.length)
    throw invalid(`missing ${missing.join(', ')}: send every field (null for a person means the default)`)
  const person = (k: 'accountantId' | 'specialistId') => {
    const v = b[k]
    if (v === null) return null
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0)
      throw invalid(`${k} must be a portal user id (a positive integer) or null for the default`)
    return v
  }
  const days = b.taskDaysBefore
  if (typeof days !== 'number' || !Number.isSafeInteger(days) || days < 0 || days > CLAIM_TASK_DAYS_MAX)
    throw invalid(`taskDaysBefore must be a whole number of working days from 0 to ${CLAIM_TASK_DAYS_MAX}`)
  const after = b.afterPretrial
  if (after !== undefined && !PRETRIAL_ACTIONS.includes(after as AfterPretrial))
    throw invalid(`afterPretrial must be one of ${PRETRIAL_ACTIONS.join(', ')}`)
  return {
    accountantId: person('accountantId'),
    taskDaysBefore: days,
    specialistId: person('specialistId'),
    ...(after === undefined ? {} : { afterPretrial: after as AfterPretrial }),
  }
}

/** The stored value as the admin saved it; anything broken reads as "not set". */
async function storedOf(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
): Promise<ClaimSettingsDto['stored']> {
  const s = (await ports.settings.get<Record<string, unknown>>(memberId, CLAIM_SETTINGS_KEY)) ?? {}
  const id = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null)
  const days =
    typeof s.taskDaysBefore === 'number' &&
    Number.isSafeInteger(s.taskDaysBefore) &&
    s.taskDaysBefore >= 0 &&
    s.taskDaysBefore <= CLAIM_TASK_DAYS_MAX
      ? s.taskDaysBefore
      : null
  const after = PRETRIAL_ACTIONS.includes(s.afterPretrial as AfterPretrial) ? (s.afterPretrial as AfterPretrial) : null
  return {
    accountantId: id(s.accountantId),
    taskDaysBefore: days,
    specialistId: id(s.specialistId),
    afterPretrial: after,
  }
}

export async function readClaimSettings(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
): Promise<ClaimSettingsDto> {
  const roles = (await ports.settings.get<Record<string, number | null>>(memberId, 'approvals.roles')) ?? {}
  const accountant = roles.juniorAccountant
    ? { role: 'juniorAccountant' as const, userId: roles.juniorAccountant }
    : roles.chiefAccountant
      ? { role: 'chiefAccountant' as const, userId: roles.chiefAccountant }
      : { role: null, userId: null }
  const specialist = roles.lawyer ? { role: 'lawyer' as const, userId: roles.lawyer } : { role: null, userId: null }
  return {
    stored: await storedOf(ports, memberId),
    effective: await loadClaimSettings(ports, memberId),
    defaults: {
      accountant,
      specialist,
      taskDaysBefore: CLAIM_TASK_DAYS_DEFAULT,
      afterPretrial: AFTER_PRETRIAL_DEFAULT,
    },
  }
}

export async function saveClaimSettings(
  ports: Pick<ReceivablesPorts, 'settings' | 'audit'>,
  who: Actor,
  body: unknown,
): Promise<ClaimSettingsDto> {
  const parsed = parseClaimSettings(body)
  const s = await storedOf(ports, who.memberId)
  const current: ClaimSettingsInputDto = {
    accountantId: s.accountantId,
    taskDaysBefore: s.taskDaysBefore ?? CLAIM_TASK_DAYS_DEFAULT,
    specialistId: s.specialistId,
    ...(s.afterPretrial ? { afterPretrial: s.afterPretrial } : {}),
  }
  // a form without afterPretrial keeps the stored choice
  const after = parsed.afterPretrial ?? s.afterPretrial
  const next: ClaimSettingsInputDto = { ...parsed, ...(after ? { afterPretrial: after } : {}) }
  const changed = [...FIELDS, ...OPTIONAL].filter((k) => next[k] !== current[k])
  if (changed.length) {
    await ports.settings.set(who.memberId, CLAIM_SETTINGS_KEY, next, who.actor)
    await ports.audit.record({
      memberId: who.memberId,
      actor: who.actor,
      source: who.source,
      action: 'settings.changed',
      entity: 'setting',
      entityId: CLAIM_SETTINGS_KEY,
      details: { changed, value: Object.fromEntries(changed.map((k) => [k, next[k]])) },
    })
  }
  return readClaimSettings(ports, who.memberId)
}
