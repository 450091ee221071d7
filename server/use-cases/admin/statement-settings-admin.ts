// The admin's statement settings (setting 'statements'): who is told that statement and payments-API
// lines wait for review (they may also work the review queue). Read with the fallback (the approval
// roles' accountants), saved after strict validation and audited; an unchanged form writes nothing.
import type { StatementSettingsDto, StatementSettingsInputDto } from '../../../contracts/statement-settings.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { STATEMENT_SETTINGS_KEY, statementNotifyIds } from '../statements/statement-settings.ts'

export const MAX_STATEMENT_NOTIFY = 20
const invalid = (message: string) => new LedgerError('invalid', 'settings.invalid', message)
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0

/** The whole form; throws LedgerError 'settings.invalid' naming the field. Repeated ids count once. */
export function parseStatementSettings(body: unknown): StatementSettingsInputDto {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw invalid('the body must be an object { notifyIds }')
  const b = body as Record<string, unknown>
  const unknown = Object.keys(b).filter((k) => k !== 'notifyIds')
  if (unknown.length)
    throw invalid(
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown
        .slice(0, 5)
        .map((k) => JSON.stringify(k.slice(0, 40)))
        .join(', ')}; expected notifyIds`,
    )
  if (!Object.hasOwn(b, 'notifyIds'))
    throw invalid('missing notifyIds: send the list of portal user ids ([] for the default)')
  const ids = b.notifyIds
  if (!Array.isArray(ids) || ids.length > MAX_STATEMENT_NOTIFY)
    throw invalid(`notifyIds must be a list of up to ${MAX_STATEMENT_NOTIFY} portal user ids`)
  const bad = ids.findIndex((v) => !isId(v))
  if (bad >= 0) throw invalid(`notifyIds[${bad}] must be a portal user id (a positive integer)`)
  return { notifyIds: [...new Set(ids as number[])] }
}

async function storedOf(ports: Pick<ReceivablesPorts, 'settings'>, memberId: string): Promise<number[]> {
  const s = (await ports.settings.get<Record<string, unknown>>(memberId, STATEMENT_SETTINGS_KEY)) ?? {}
  return Array.isArray(s.notifyIds) ? [...new Set(s.notifyIds.filter(isId))] : []
}

export async function readStatementSettings(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
): Promise<StatementSettingsDto> {
  const roles = (await ports.settings.get<Record<string, unknown>>(memberId, 'approvals.roles')) ?? {}
  return {
    stored: { notifyIds: await storedOf(ports, memberId) },
    effective: await statementNotifyIds(ports, memberId),
    defaults: {
      chiefAccountant: isId(roles.chiefAccountant) ? roles.chiefAccountant : null,
      juniorAccountant: isId(roles.juniorAccountant) ? roles.juniorAccountant : null,
    },
  }
}

export async function saveStatementSettings(
  ports: Pick<ReceivablesPorts, 'settings' | 'audit'>,
  who: Actor,
  body: unknown,
): Promise<StatementSettingsDto> {
  const next = parseStatementSettings(body)
  const current = await storedOf(ports, who.memberId)
  if (next.notifyIds.length !== current.length || next.notifyIds.some((id, i) => id !== current[i])) {
    const before = (await ports.settings.get<Record<string, unknown>>(who.memberId, STATEMENT_SETTINGS_KEY)) ?? {}
    await ports.settings.set(who.memberId, STATEMENT_SETTINGS_KEY, { ...before, notifyIds: next.notifyIds }, who.actor)
    await ports.audit.record({
      memberId: who.memberId,
      actor: who.actor,
      source: who.source,
      action: 'settings.changed',
      entity: 'setting',
      entityId: STATEMENT_SETTINGS_KEY,
      details: { changed: ['notifyIds'], value: { notifyIds: next.notifyIds }, before: { notifyIds: current } },
    })
  }
  return readStatementSettings(ports, who.memberId)
}
