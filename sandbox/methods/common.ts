// Small helpers shared by method handlers.
import { missingParam, badArg } from '../rest/errors.ts'
import type { Params } from '../rest/context.ts'

export function pick(p: Params, ...names: string[]): unknown {
  for (const n of names) if (p[n] !== undefined) return p[n]
  return undefined
}

export function reqInt(p: Params, ...names: string[]): number {
  const v = pick(p, ...names)
  if (v === undefined || v === null || v === '') throw missingParam(names[0])
  const n = Number(v)
  if (!Number.isFinite(n)) throw badArg(`Parameter ${names[0]} must be a number`)
  return Math.trunc(n)
}

export function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

export function list(v: unknown): unknown[] {
  if (Array.isArray(v)) return v
  if (typeof v === 'object' && v !== null) return Object.values(v)
  if (v === undefined || v === null || v === '') return []
  return [v]
}

export function yn(v: unknown, dflt: 'Y' | 'N' = 'N'): 'Y' | 'N' {
  if (v === undefined || v === null || v === '') return dflt
  return v === true || v === 'Y' || v === 'y' || v === 1 || v === '1' || v === 'true' ? 'Y' : 'N'
}

export function isTrue(v: unknown): boolean {
  return v === true || v === 'Y' || v === 'y' || v === 1 || v === '1' || v === 'true'
}

/** Select a subset of keys; `*` or empty = all. */
export function selectKeys(
  row: Record<string, unknown>,
  select: unknown,
  always: string[] = [],
): Record<string, unknown> {
  const sel = list(select).map(String)
  if (sel.length === 0 || sel.includes('*')) return row
  const out: Record<string, unknown> = {}
  for (const k of [...always, ...sel]) if (k in row) out[k] = row[k]
  return out
}
