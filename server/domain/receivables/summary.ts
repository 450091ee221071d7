// The counterparty header: total and overdue debt, the oldest overdue days, advance, and a colour.
import type { LocalDate } from '../calendar/index.ts'
import { daysBetween } from './due.ts'

export type SummaryColour = 'green' | 'amber' | 'red' | 'grey'

export interface DebtLine {
  remaining: number
  paid: number
  amount: number
  effectiveDueDate: LocalDate
  closed: boolean
}

export interface CounterpartySummary {
  totalDebt: number
  overdueDebt: number
  oldestOverdueDays: number
  advance: number
  openCount: number
  colour: SummaryColour
  /** For amber: days until the nearest due date. */
  dueInDays: number | null
}

/** Amber when the nearest open due date is within this many days. */
export const AMBER_WITHIN_DAYS = 5

export function summarizeCounterparty(
  lines: Iterable<DebtLine>,
  today: LocalDate,
  amberWithinDays = AMBER_WITHIN_DAYS,
): CounterpartySummary {
  let totalDebt = 0,
    overdueDebt = 0,
    oldest = 0,
    advance = 0,
    openCount = 0
  let nearest: number | null = null
  for (const l of lines) {
    advance += Math.max(l.paid - l.amount, 0)
    if (l.remaining <= 0 || l.closed) continue
    openCount++
    totalDebt += l.remaining
    const late = daysBetween(l.effectiveDueDate, today)
    if (late > 0) {
      overdueDebt += l.remaining
      oldest = Math.max(oldest, late)
    } else if (nearest === null || -late < nearest) {
      nearest = -late
    }
  }
  let colour: SummaryColour = 'grey'
  if (overdueDebt > 0) colour = 'red'
  else if (openCount > 0) colour = nearest !== null && nearest <= amberWithinDays ? 'amber' : 'green'
  return {
    totalDebt,
    overdueDebt,
    oldestOverdueDays: oldest,
    advance,
    openCount,
    colour,
    dueInDays: colour === 'amber' ? nearest : null,
  }
}
