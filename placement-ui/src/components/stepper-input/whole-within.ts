// What a typed number field holds: a whole number within its bounds, or nothing while the text is not a number.
export function wholeWithin(v: string | number, b: { min?: number; max?: number }): number | null {
  if (typeof v === 'string' && v.trim() === '') return null
  const n = Math.trunc(Number(v))
  if (!Number.isFinite(n)) return null
  return Math.min(b.max ?? Infinity, Math.max(b.min ?? -Infinity, n))
}
