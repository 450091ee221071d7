// The portal's penalty defaults (setting 'penalty.defaults'): the method of the claim letter for
// invoices whose contract sets none, the no-accrual windows and the debtors' opt-outs. Validated in
// the domain, stored and audited; read by every penalty computation of the portal (the claim
// letter, the penalty robot). A broken stored value falls back to the defaults with a warning.
import { sql } from 'kysely'
import {
  PenaltyError,
  checkPenaltyDefaults,
  defaultPenaltyDefaults,
  type DebtorType,
  type PenaltyDefaults,
  type WindowOptOut,
} from '../../domain/penalties/index.ts'
import type { SettingsRepository } from '../../storage/repositories/settings.ts'
import type { Logger } from '../../lib/logger.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'

export const PENALTY_DEFAULTS_SETTING = 'penalty.defaults'

export async function portalPenaltyDefaults(
  deps: { settings: SettingsRepository; log: Logger },
  memberId: string,
): Promise<PenaltyDefaults> {
  const stored = await deps.settings.get<unknown>(memberId, PENALTY_DEFAULTS_SETTING)
  if (stored === null) return defaultPenaltyDefaults()
  try {
    return checkPenaltyDefaults(stored)
  } catch (e) {
    deps.log.warn({ memberId, err: (e as Error).message }, 'penalty.defaults-invalid')
    return defaultPenaltyDefaults()
  }
}

export interface DebtorOption {
  entityType: DebtorType
  entityId: number
  name: string
  inn: string | null
}
export interface PenaltyDefaultsView extends Omit<PenaltyDefaults, 'optOuts'> {
  /** Each opt-out with the debtor's name from the ledger (null: no receivables with it yet). */
  optOuts: (WindowOptOut & { name: string | null })[]
  defaults: PenaltyDefaults
}

/** The built-in defaults with the moratorium named in the portal's language. */
function localDefaults(lang: string | undefined): PenaltyDefaults {
  const d = defaultPenaltyDefaults()
  if (lang !== 'en')
    d.windows = d.windows.map((w) =>
      w.id === 'moratorium-2022' ? { ...w, label: 'Мораторий 2022 (постановление № 497)' } : w,
    )
  return d
}

export async function readPenaltyDefaults(
  ports: Pick<ReceivablesPorts, 'settings' | 'log' | 'db' | 'portalOf'>,
  memberId: string,
): Promise<PenaltyDefaultsView> {
  const defaults = localDefaults((await ports.portalOf(memberId))?.lang)
  const stored = await ports.settings.get<unknown>(memberId, PENALTY_DEFAULTS_SETTING)
  const d = stored === null ? defaults : await portalPenaltyDefaults(ports, memberId)
  const ids = d.optOuts.map((o) => o.entityId)
  const known = ids.length
    ? await ports.db
        .selectFrom('counterparties')
        .select(['entity_type', 'entity_id', 'name'])
        .where('member_id', '=', memberId)
        .where('entity_id', 'in', ids)
        .execute()
    : []
  const name = (o: WindowOptOut) =>
    known.find((k) => k.entity_type === o.entityType && Number(k.entity_id) === o.entityId)?.name ?? null
  return { ...d, optOuts: d.optOuts.map((o) => ({ ...o, name: name(o) })), defaults }
}

export async function savePenaltyDefaults(
  ports: ReceivablesPorts,
  who: Actor,
  body: unknown,
): Promise<PenaltyDefaultsView> {
  let next: PenaltyDefaults
  try {
    next = checkPenaltyDefaults(body)
  } catch (e) {
    if (e instanceof PenaltyError) throw new LedgerError('invalid', e.code, e.message)
    throw e
  }
  await ports.settings.set(who.memberId, PENALTY_DEFAULTS_SETTING, next, who.actor)
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'settings.changed',
    entity: 'setting',
    entityId: PENALTY_DEFAULTS_SETTING,
    details: { value: next },
  })
  return readPenaltyDefaults(ports, who.memberId)
}

/** Debtors of the ledger for the opt-out picker: by CRM ID, INN or a part of the name; at most 20. */
export async function findDebtors(
  ports: Pick<ReceivablesPorts, 'db'>,
  memberId: string,
  query: string,
): Promise<DebtorOption[]> {
  const q = query.trim().slice(0, 100)
  let s = ports.db
    .selectFrom('counterparties')
    .select(['entity_type', 'entity_id', 'name', 'inn'])
    .where('member_id', '=', memberId)
  if (/^\d{1,10}$/.test(q)) s = s.where((eb) => eb.or([eb('entity_id', '=', Number(q)), eb('inn', '=', q)]))
  else if (q) s = s.where(sql<boolean>`lower(name) like ${`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
  const rows = await s.orderBy('name').orderBy('entity_id').limit(20).execute()
  return rows.map((r) => ({ entityType: r.entity_type, entityId: Number(r.entity_id), name: r.name, inn: r.inn }))
}
