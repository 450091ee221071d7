// Value conversion for item fields: what clients send -> what is stored -> what crm.item returns.
import { RestError } from '../rest/errors.ts'
import { dayIso, isoAt, parseInstant, toDay } from '../util/time.ts'
import { list, obj } from './common.ts'
import type { FieldDef } from './item-schema.ts'

const invalid = (d: FieldDef) =>
  new RestError('CRM_FIELD_ERROR_VALUE_NOT_VALID', `Invalid value for field "${d.title}"`, 400)

function one(d: FieldDef, v: unknown, zone: string): unknown {
  if (v === null || v === undefined || v === '') return null
  switch (d.type) {
    case 'integer':
    case 'user':
    case 'employee':
    case 'crm_company':
    case 'crm_contact':
    case 'crm_category':
    case 'crm_entity':
    case 'iblock_element':
    case 'iblock_section': {
      const n = Number(v)
      if (!Number.isFinite(n)) throw invalid(d)
      return Math.trunc(n)
    }
    case 'double': {
      const n = Number(v)
      if (!Number.isFinite(n)) throw invalid(d)
      return n
    }
    case 'boolean':
      return v === true || v === 'Y' || v === 'y' || v === 1 || v === '1' || v === 'true' ? 'Y' : 'N'
    case 'date': {
      const day = toDay(v, zone)
      if (!day) throw invalid(d)
      return day
    }
    case 'datetime': {
      const ms = parseInstant(v, zone)
      if (ms === null) throw invalid(d)
      return ms
    }
    case 'enumeration': {
      const opts = list(d.uf?.enum).map((e) => obj(e))
      const hit = opts.find((o) => String(o.id) === String(v)) ?? opts.find((o) => String(o.value) === String(v))
      if (!hit) throw invalid(d)
      return Number(hit.id)
    }
    case 'money': {
      const s = String(v)
      if (!/^-?\d+(\.\d+)?(\|[A-Z]{3})?$/.test(s)) throw invalid(d)
      return s.includes('|') ? s : `${s}|RUB`
    }
    case 'file':
      return v
    default:
      return typeof v === 'object' ? v : String(v)
  }
}

/** Normalise an incoming value for storage. */
export function toStored(d: FieldDef, v: unknown, zone: string): unknown {
  if (d.multiple) {
    if (v === null || v === '' || v === undefined) return []
    if (typeof v !== 'object')
      throw new RestError('100', `Expected iterable value for multiple field "${d.title}"`, 400)
    return list(v)
      .map((x) => one(d, x, zone))
      .filter((x) => x !== null)
  }
  if (Array.isArray(v)) return one(d, v[0], zone)
  return one(d, v, zone)
}

/** Render a stored value the way crm.item.get returns it. */
export function toOutput(d: FieldDef, v: unknown, zone: string): unknown {
  if (d.multiple) return list(v).map((x) => outOne(d, x, zone))
  return outOne(d, v, zone)
}

function outOne(d: FieldDef, v: unknown, zone: string): unknown {
  if (v === null || v === undefined) return d.type === 'boolean' && d.dynamic ? 'N' : null
  if (d.type === 'datetime') return isoAt(Number(v), zone)
  if (d.type === 'date') return dayIso(String(v), zone)
  return v
}

/** Filter values compared against stored values: normalise them to the stored form. */
export function filterValue(d: FieldDef, v: unknown, zone: string): unknown {
  const conv = (x: unknown): unknown => {
    if (x === null || x === '' || x === undefined) return x
    if (d.type === 'datetime') return parseInstant(x, zone) ?? x
    if (d.type === 'date') return toDay(x, zone) ?? x
    if (d.type === 'boolean') return x === true || x === 'Y' || x === 1 || x === '1' || x === 'true' ? 'Y' : 'N'
    return x
  }
  return Array.isArray(v) ? v.map(conv) : conv(v)
}
