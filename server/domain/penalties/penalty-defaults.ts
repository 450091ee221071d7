// A portal's penalty defaults: the method the claim letter uses when an invoice's contract sets
// none, the no-accrual windows (the 2022 moratorium by default, editable) and the debtors that
// opted out of a window (e.g. a debtor that published its refusal of the moratorium). Validated
// here; the windows and opt-outs of one debtor are what every penalty computation of the portal
// passes to calculatePenalty.
import { dayOf } from './days.ts'
import { MORATORIUM_2022, type NoAccrualWindow } from './no-accrual-windows.ts'
import { PenaltyError } from './penalty-error.ts'
import { penaltyTermsOf } from './terms-input.ts'
import type { PenaltyTerms } from './types.ts'

export type DebtorType = 'company' | 'contact'
export interface DebtorRef {
  entityType: DebtorType
  entityId: number
}
export interface WindowOptOut extends DebtorRef {
  windowIds: string[]
}

export interface PenaltyDefaults {
  terms: PenaltyTerms
  windows: NoAccrualWindow[]
  optOuts: WindowOptOut[]
}

export const MAX_WINDOWS = 20
export const MAX_OPT_OUTS = 500
const ID = /^[a-z0-9][a-z0-9-]{0,39}$/
const EARLIEST = '2000-01-01'
const LATEST = '2100-12-31'

export function defaultPenaltyDefaults(): PenaltyDefaults {
  return { terms: { method: '395' }, windows: [{ ...MORATORIUM_2022 }], optOuts: [] }
}

const window = (message: string, details: Record<string, unknown> = {}) =>
  new PenaltyError('penalty.invalid-window', message, details)

function dateIn(v: unknown, what: string): string {
  if (typeof v !== 'string') throw window(`${what}: a date YYYY-MM-DD is required`)
  const d = v.trim()
  dayOf(d, what)
  if (d < EARLIEST || d > LATEST) throw window(`${what}: ${d} is outside ${EARLIEST}..${LATEST}`)
  return d
}

export function checkWindows(raw: unknown): NoAccrualWindow[] {
  if (!Array.isArray(raw))
    throw new PenaltyError('penalty.invalid-defaults', 'windows must be a list (an empty list: no windows)')
  if (raw.length > MAX_WINDOWS)
    throw new PenaltyError('penalty.invalid-defaults', `at most ${MAX_WINDOWS} no-accrual windows`)
  const seen = new Set<string>()
  return raw.map((x, i) => {
    if (!x || typeof x !== 'object' || Array.isArray(x))
      throw window(`window ${i + 1} must be an object { id, label, from, to }`)
    const w = x as Record<string, unknown>
    const id = typeof w.id === 'string' ? w.id.trim() : ''
    if (!ID.test(id))
      throw window(
        `window ${i + 1}: the id is 1-40 lowercase latin letters, digits and dashes, e.g. "moratorium-2022"`,
        { id: w.id },
      )
    if (seen.has(id)) throw window(`window id "${id}" is used twice`, { id })
    seen.add(id)
    const label = typeof w.label === 'string' ? w.label.trim() : ''
    if (!label || label.length > 200) throw window(`window "${id}": a name of 1-200 characters is required`, { id })
    const from = dateIn(w.from, `window "${id}" from`)
    const to = dateIn(w.to, `window "${id}" to`)
    if (to < from) throw window(`window "${id}" ends (${to}) before it starts (${from})`, { id })
    const before = w.appliesToObligationsBefore
    const hasBefore = before !== undefined && before !== null && before !== ''
    return {
      id,
      label,
      from,
      to,
      ...(hasBefore
        ? { appliesToObligationsBefore: dateIn(before, `window "${id}" applies to obligations before`) }
        : {}),
    }
  })
}

export function checkOptOuts(raw: unknown, windows: readonly NoAccrualWindow[]): WindowOptOut[] {
  if (!Array.isArray(raw))
    throw new PenaltyError('penalty.invalid-defaults', 'optOuts must be a list (an empty list: nobody opted out)')
  if (raw.length > MAX_OPT_OUTS)
    throw new PenaltyError('penalty.invalid-defaults', `at most ${MAX_OPT_OUTS} debtors with opt-outs`)
  const ids = new Set(windows.map((w) => w.id))
  const seen = new Set<string>()
  const out: WindowOptOut[] = []
  raw.forEach((x, i) => {
    const fail = (m: string) => new PenaltyError('penalty.invalid-opt-out', `opt-out ${i + 1}: ${m}`)
    if (!x || typeof x !== 'object' || Array.isArray(x))
      throw fail('must be an object { entityType, entityId, windowIds }')
    const o = x as Record<string, unknown>
    const entityType = o.entityType ?? 'company'
    if (entityType !== 'company' && entityType !== 'contact')
      throw fail(`the debtor is a "company" or a "contact": ${String(entityType)}`)
    const entityId =
      typeof o.entityId === 'string' && /^\d{1,10}$/.test(o.entityId.trim()) ? Number(o.entityId) : o.entityId
    if (typeof entityId !== 'number' || !Number.isSafeInteger(entityId) || entityId <= 0)
      throw fail(`the ${entityType} ID is a positive whole number: ${String(o.entityId)}`)
    const key = `${entityType}:${entityId}`
    if (seen.has(key)) throw fail(`${entityType} ${entityId} is listed twice`)
    seen.add(key)
    if (!Array.isArray(o.windowIds) || !o.windowIds.length)
      throw fail(`name at least one window ${entityType} ${entityId} opted out of`)
    const windowIds = [...new Set(o.windowIds.map((w) => String(w)))]
    const unknown = windowIds.filter((w) => !ids.has(w))
    if (unknown.length)
      throw fail(`unknown window ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${[...ids].join(', ') || 'none'}`)
    out.push({ entityType, entityId, windowIds })
  })
  return out
}

/** The whole setting from raw input; throws a PenaltyError naming what is wrong. */
export function checkPenaltyDefaults(raw: unknown): PenaltyDefaults {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new PenaltyError('penalty.invalid-defaults', 'penalty defaults must be an object { terms, windows, optOuts }')
  const b = raw as Record<string, unknown>
  const terms = penaltyTermsOf(b.terms)
  // both lists are required: a body without them must not silently drop the moratorium
  const windows = checkWindows(b.windows)
  const optOuts = checkOptOuts(b.optOuts, windows)
  return { terms, windows, optOuts }
}

/** What calculatePenalty takes for one debtor: the portal's windows and the ids the debtor opted out of. */
export function windowsFor(
  defaults: PenaltyDefaults,
  debtor: DebtorRef | null,
): { windows: NoAccrualWindow[]; optOutWindowIds: string[] } {
  const mine = debtor
    ? defaults.optOuts.find((o) => o.entityType === debtor.entityType && o.entityId === debtor.entityId)
    : undefined
  return { windows: defaults.windows, optOutWindowIds: mine ? [...mine.windowIds] : [] }
}
