// Ordering and 50-row pages (reference 3): `start` offset, `total`, `next`; start=-1 = no count.
import { compare } from './filter.ts'

export const PAGE = 50

export function sortRows<T>(
  rows: T[],
  order: unknown,
  get: (r: T, f: string) => unknown,
  norm: (f: string) => string = (f) => f,
  zone = 'UTC',
): T[] {
  const keys = orderKeys(order, norm)
  if (keys.length === 0) return rows
  return rows.sort((a, b) => {
    for (const [f, dir] of keys) {
      const x = get(a, f)
      const y = get(b, f)
      let r = compare(x, y, zone)
      if (r === null) r = x === null || x === undefined ? (y === null || y === undefined ? 0 : -1) : 1
      if (r !== 0) return dir === 'DESC' ? -r : r
    }
    return 0
  })
}

export function orderKeys(order: unknown, norm: (f: string) => string): [string, 'ASC' | 'DESC'][] {
  if (typeof order !== 'object' || order === null) return []
  return Object.entries(order as Record<string, unknown>).map(([f, d]) => [
    norm(f),
    String(d).toUpperCase() === 'DESC' ? 'DESC' : 'ASC',
  ])
}

export function startOf(p: Record<string, unknown>): number {
  const s = Number(p.start ?? p.START ?? 0)
  return Number.isFinite(s) ? Math.trunc(s) : 0
}

export function page<T>(rows: T[], start: number): { rows: T[]; total?: number; next?: number } {
  if (start === -1) return { rows: rows.slice(0, PAGE), total: 0 }
  const s = Math.max(0, start)
  const slice = rows.slice(s, s + PAGE)
  const next = s + PAGE < rows.length ? s + PAGE : undefined
  return { rows: slice, total: rows.length, next }
}
