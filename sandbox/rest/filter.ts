// List filters with Bitrix24 prefix operators (reference 3): = != ! > >= < <= % !% =% %= @ !@,
// nested groups with logic OR/AND. Field names are normalised by the caller.
import { parseInstant } from '../util/time.ts'

type Op = '=' | '!=' | '>' | '>=' | '<' | '<=' | '%' | '!%' | 'like' | '!like' | '@' | '!@'
export type Cond = { field: string; op: Op; value: unknown } | { logic: 'AND' | 'OR'; parts: Cond[][] }

const PREFIXES: [string, Op][] = [
  ['!=%', '!like'],
  ['!%=', '!like'],
  ['>=', '>='],
  ['<=', '<='],
  ['=%', 'like'],
  ['%=', 'like'],
  ['!%', '!%'],
  ['!@', '!@'],
  ['!=', '!='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  ['%', '%'],
  ['@', '@'],
  ['!', '!='],
]

export function splitKey(key: string): { op: Op; field: string } {
  for (const [p, op] of PREFIXES) if (key.startsWith(p)) return { op, field: key.slice(p.length) }
  return { op: '=', field: key }
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function parseFilter(filter: unknown, norm: (f: string) => string = (f) => f): Cond[] {
  if (!isPlain(filter)) return []
  const out: Cond[] = []
  for (const [key, value] of Object.entries(filter)) {
    if (key.toLowerCase() === 'logic') continue
    if ((/^\d+$/.test(key) || key.startsWith('__')) && isPlain(value)) {
      const logic = String(value.logic ?? value.LOGIC ?? 'AND').toUpperCase() === 'OR' ? 'OR' : 'AND'
      const subKeys = Object.keys(value).filter((k) => k.toLowerCase() !== 'logic')
      const nested = subKeys.length > 0 && subKeys.every((k) => /^\d+$/.test(k) && isPlain(value[k]))
      const parts = nested
        ? subKeys.map((k) => parseFilter(value[k], norm))
        : subKeys.map((k) => parseFilter({ [k]: value[k] }, norm))
      out.push({ logic, parts })
      continue
    }
    const { op, field } = splitKey(key)
    out.push({ field: norm(field), op, value })
  }
  if (
    String(
      (filter as Record<string, unknown>).logic ?? (filter as Record<string, unknown>).LOGIC ?? '',
    ).toUpperCase() === 'OR'
  ) {
    return [{ logic: 'OR', parts: out.map((c) => [c]) }]
  }
  return out
}

export function matches(conds: Cond[], get: (field: string) => unknown, zone = 'UTC'): boolean {
  return conds.every((c) => matchOne(c, get, zone))
}

function matchOne(c: Cond, get: (field: string) => unknown, zone: string): boolean {
  if ('logic' in c) {
    return c.logic === 'OR' ? c.parts.some((p) => matches(p, get, zone)) : c.parts.every((p) => matches(p, get, zone))
  }
  const row = get(c.field)
  const v = c.value
  switch (c.op) {
    case '=':
      return eqFilter(row, v, zone)
    case '!=':
      return !eqFilter(row, v, zone)
    case '@':
      return anyOf(row, (x) => toList(v).some((w) => eq(x, w, zone)))
    case '!@':
      return !anyOf(row, (x) => toList(v).some((w) => eq(x, w, zone)))
    case '%':
      return anyOf(
        row,
        (x) => x !== null && x !== undefined && String(x).toLowerCase().includes(String(v).toLowerCase()),
      )
    case '!%':
      return !anyOf(
        row,
        (x) => x !== null && x !== undefined && String(x).toLowerCase().includes(String(v).toLowerCase()),
      )
    case 'like':
      return anyOf(row, (x) => likeRe(String(v)).test(String(x ?? '')))
    case '!like':
      return !anyOf(row, (x) => likeRe(String(v)).test(String(x ?? '')))
    default:
      return anyOf(row, (x) => {
        const r = compare(x, v, zone)
        if (r === null) return false
        return c.op === '>' ? r > 0 : c.op === '>=' ? r >= 0 : c.op === '<' ? r < 0 : r <= 0
      })
  }
}

function eqFilter(row: unknown, v: unknown, zone: string): boolean {
  if (Array.isArray(v)) return v.length === 0 ? isEmpty(row) : anyOf(row, (x) => v.some((w) => eq(x, w, zone)))
  if (v === null || v === '' || (v === false && isEmpty(row))) return isEmpty(row)
  return anyOf(row, (x) => eq(x, v, zone))
}

function toList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v
  if (isPlain(v)) return Object.values(v)
  return [v]
}

function anyOf(row: unknown, f: (x: unknown) => boolean): boolean {
  return Array.isArray(row) ? row.some(f) : f(row)
}

export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0)
}

const BOOL: Record<string, boolean> = { y: true, n: false, true: true, false: false, '1': true, '0': false }

function eq(a: unknown, b: unknown, zone: string): boolean {
  if (a === null || a === undefined) return b === null || b === '' || b === undefined
  if (typeof a === 'boolean' || typeof b === 'boolean' || (typeof a === 'string' && /^[YN]$/.test(a))) {
    const x = BOOL[String(a).toLowerCase()]
    const y = BOOL[String(b).toLowerCase()]
    if (x !== undefined && y !== undefined) return x === y
  }
  const r = compare(a, b, zone)
  if (r !== null) return r === 0
  return String(a).toLowerCase() === String(b).toLowerCase()
}

const NUM = /^-?\d+(\.\d+)?$/
const DATEISH = /^\d{4}-\d{2}-\d{2}|^\d{2}\.\d{2}\.\d{4}/

export function compare(a: unknown, b: unknown, zone: string): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null
  const sa = String(a)
  const sb = String(b)
  if ((typeof a === 'number' || NUM.test(sa)) && (typeof b === 'number' || NUM.test(sb))) return Number(a) - Number(b)
  if (DATEISH.test(sa) && DATEISH.test(sb)) {
    const x = parseInstant(sa, zone)
    const y = parseInstant(sb, zone)
    if (x !== null && y !== null) return x - y
  }
  return sa.localeCompare(sb)
}

function likeRe(pattern: string): RegExp {
  const esc = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.')
  return new RegExp(`^${esc}$`, 'i')
}
