// Splits the delay into segments of constant base: at every payment (the base drops the day after
// the payment day), at every new charge (it joins the base on its day), at the borders of
// no-accrual windows, and at the extra cut days the method asks for (key-rate changes, 1 January).
// Segments where nothing is owed are dropped.
import type { Kopecks } from '../money/index.ts'
import type { WindowDays } from './no-accrual-windows.ts'

export interface PaymentDay {
  day: number
  amount: Kopecks
}

export interface Segment {
  from: number
  to: number
  base: Kopecks
  windowId: string | null
}

export interface SplitArgs {
  start: number
  end: number
  principal: Kopecks
  payments: readonly PaymentDay[]
  /** New charges: each joins the base on its day. */
  charges?: readonly PaymentDay[]
  windows: readonly WindowDays[]
  cuts: readonly number[]
}

export function splitIntoSegments(a: SplitArgs): Segment[] {
  if (a.end < a.start) return []
  const cuts = new Set<number>(a.cuts)
  for (const p of a.payments) cuts.add(p.day + 1)
  for (const c of a.charges ?? []) cuts.add(c.day)
  for (const w of a.windows) {
    cuts.add(w.from)
    cuts.add(w.to + 1)
  }
  const borders = [...cuts].filter((d) => d > a.start && d <= a.end).sort((x, y) => x - y)
  const segments: Segment[] = []
  let from = a.start
  for (const next of [...borders, a.end + 1]) {
    const base = baseOn(from, a.principal, a.payments, a.charges ?? [])
    if (base > 0) {
      const windowId = a.windows.find((w) => w.from <= from && from <= w.to)?.id ?? null
      const last = segments[segments.length - 1]
      // Inside a window nothing accrues: one row per window and base, not one per rate change.
      if (windowId && last && last.windowId === windowId && last.base === base && last.to === from - 1)
        last.to = next - 1
      else segments.push({ from, to: next - 1, base, windowId })
    }
    from = next
  }
  return segments
}

/** The debt owed on a day: principal, plus charges dated up to that day, minus payments made before it. */
export function baseOn(
  day: number,
  principal: Kopecks,
  payments: readonly PaymentDay[],
  charges: readonly PaymentDay[],
): Kopecks {
  const charged = charges.filter((c) => c.day <= day).reduce((s, c) => s + c.amount, 0)
  const paid = payments.filter((p) => p.day < day).reduce((s, p) => s + p.amount, 0)
  return principal + charged - paid
}
