// Stored shape and output of legacy UPPER_CASE CRM entities: companies, contacts, requisites.
import { isoAt } from '../util/time.ts'
import { list, obj } from './common.ts'
import type { Ctx } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

const MULTI = ['PHONE', 'EMAIL', 'WEB', 'IM']
const DATES = new Set(['DATE_CREATE', 'DATE_MODIFY', 'LAST_ACTIVITY_TIME'])
const IDS = new Set([
  'ASSIGNED_BY_ID',
  'CREATED_BY_ID',
  'MODIFY_BY_ID',
  'COMPANY_ID',
  'ENTITY_ID',
  'ENTITY_TYPE_ID',
  'PRESET_ID',
  'LEAD_ID',
  'LAST_ACTIVITY_BY',
])

let mfSeq = 0

function mergeMulti(prev: unknown, given: unknown, type: string): Record<string, unknown>[] {
  const out = list(prev).map((x) => ({ ...obj(x) }))
  for (const raw of list(given)) {
    const m = obj(raw)
    const hit = m.ID !== undefined ? out.find((x) => String(x.ID) === String(m.ID)) : undefined
    if (hit) {
      if (m.DELETE === 'Y' || m.VALUE === '') out.splice(out.indexOf(hit), 1)
      else
        Object.assign(
          hit,
          m.VALUE !== undefined ? { VALUE: String(m.VALUE) } : {},
          m.VALUE_TYPE ? { VALUE_TYPE: String(m.VALUE_TYPE) } : {},
        )
    } else if (m.VALUE) {
      out.push({
        ID: String(++mfSeq + 1000),
        VALUE_TYPE: String(m.VALUE_TYPE ?? 'WORK'),
        VALUE: String(m.VALUE),
        TYPE_ID: type,
      })
    }
  }
  return out
}

function base(ctx: Ctx, fields: Record<string, unknown>, prev: Rec | null): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(prev ?? {}) }
  for (const [k, v] of Object.entries(fields)) {
    const key = k.toUpperCase()
    if (['ID', 'DATE_CREATE', 'DATE_MODIFY', 'CREATED_BY_ID', 'MODIFY_BY_ID'].includes(key)) continue
    next[key] = MULTI.includes(key) ? mergeMulti(next[key], v, key) : v
  }
  if (!prev) {
    next.DATE_CREATE = ctx.now
    next.CREATED_BY_ID = ctx.user.id
    next.ASSIGNED_BY_ID ??= ctx.user.id
    next.OPENED ??= 'Y'
    for (const m of MULTI) next[m] ??= []
  }
  next.DATE_MODIFY = ctx.now
  next.MODIFY_BY_ID = ctx.user.id
  return next
}

export function companyRecord(ctx: Ctx, fields: Record<string, unknown>, prev: Rec | null): Rec {
  const r = base(ctx, fields, prev)
  if (!prev) {
    r.TITLE ??= 'Company'
    r.COMPANY_TYPE ??= 'CUSTOMER'
    r.CURRENCY_ID ??= 'RUB'
    r.IS_MY_COMPANY ??= 'N'
  }
  return r as Rec
}

export function contactRecord(ctx: Ctx, fields: Record<string, unknown>, prev: Rec | null): Rec {
  const r = base(ctx, fields, prev)
  if (!prev) {
    r.NAME ??= ''
    r.LAST_NAME ??= ''
    r.TYPE_ID ??= 'CLIENT'
  }
  return r as Rec
}

export function requisiteRecord(ctx: Ctx, fields: Record<string, unknown>): Rec {
  const r = base(ctx, fields, null)
  delete r.OPENED
  for (const m of MULTI) delete r[m]
  r.PRESET_ID ??= 1
  r.NAME ??= 'Организация'
  r.ACTIVE ??= 'Y'
  r.SORT ??= 500
  return r as Rec
}

/** Output as crm.company.get etc. return it: ids and numbers as strings, dates ISO. */
export function partyOut(ctx: Ctx, r: Rec): Record<string, unknown> {
  const out: Record<string, unknown> = { ID: String(r.id) }
  for (const [k, v] of Object.entries(r)) {
    if (k === 'id') continue
    if (DATES.has(k)) out[k] = v === null || v === undefined ? null : isoAt(Number(v), ctx.zone)
    else if (IDS.has(k) || typeof v === 'number') out[k] = v === null || v === undefined ? null : String(v)
    else out[k] = v
  }
  return out
}

export function partySelect(row: Record<string, unknown>, select: unknown): Record<string, unknown> {
  const sel = list(select).map(String)
  if (sel.length === 0) return stripMulti(row)
  const out: Record<string, unknown> = { ID: row.ID }
  const star = sel.includes('*')
  for (const [k, v] of Object.entries(row)) {
    if (
      sel.includes(k) ||
      (star && !MULTI.includes(k) && !k.startsWith('UF_')) ||
      (sel.includes('UF_*') && k.startsWith('UF_'))
    )
      out[k] = v
  }
  return out
}

function stripMulti(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !MULTI.includes(k)))
}
