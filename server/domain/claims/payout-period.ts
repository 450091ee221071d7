// The period of the payouts report (seed 003: accounting sees every payout ahead): this week, the
// next 30 days, this month, or a chosen range; and the planned tranches grouped by day and by case.
// Pure: "today" is the portal's day, given by the caller.
import { addDays, isoWeekday, type LocalDate } from '../calendar/index.ts'
import { PayoutError } from './payouts.ts'

export const PAYOUT_PERIODS = ['this-week', 'next-30-days', 'this-month'] as const
export const MAX_PERIOD_DAYS = 366

export interface PayoutPeriod {
  from: LocalDate
  to: LocalDate
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const isDay = (v: string) => DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v

const monthEnd = (d: LocalDate): LocalDate => {
  const [y, m] = d.split('-').map(Number)
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

/** The period asked for: a name, or from + to (both days, from <= to, at most a year); this month by default. */
export function resolvePayoutPeriod(
  today: LocalDate,
  q: { period?: unknown; from?: unknown; to?: unknown },
): PayoutPeriod {
  const given = (v: unknown) => v !== undefined && v !== null && v !== ''
  if (given(q.from) || given(q.to)) {
    if (given(q.period)) throw new PayoutError('payout.period-invalid', 'Give either a period or from and to, not both')
    const from = String(q.from ?? '')
    const to = String(q.to ?? '')
    if (!isDay(from) || !isDay(to))
      throw new PayoutError('payout.period-invalid', 'from and to must both be dates (YYYY-MM-DD)')
    if (from > to) throw new PayoutError('payout.period-invalid', `from (${from}) is after to (${to})`)
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_PERIOD_DAYS)
      throw new PayoutError('payout.period-invalid', `a period is at most ${MAX_PERIOD_DAYS} days`)
    return { from, to }
  }
  const name = given(q.period) ? String(q.period) : 'this-month'
  switch (name) {
    case 'this-week': {
      const monday = addDays(today, 1 - isoWeekday(today))
      return { from: monday, to: addDays(monday, 6) }
    }
    case 'next-30-days':
      return { from: today, to: addDays(today, 29) }
    case 'this-month':
      return { from: `${today.slice(0, 7)}-01`, to: monthEnd(today) }
    default:
      throw new PayoutError('payout.period-invalid', `period must be one of ${PAYOUT_PERIODS.join(', ')}`)
  }
}

export interface PayoutLine {
  caseId: number
  itemId: number
  title: string
  counterpartyName: string | null
  deadline: LocalDate
  amount: number
}

export interface PayoutDay {
  day: LocalDate
  count: number
  amount: number
}

export interface PayoutCase {
  caseId: number
  itemId: number
  title: string
  counterpartyName: string | null
  count: number
  amount: number
  firstDeadline: LocalDate
}

/** Per day (ascending) and per case (by its first deadline), exact sums in kopecks. */
export function groupPayouts(lines: readonly PayoutLine[]): { byDay: PayoutDay[]; byCase: PayoutCase[] } {
  const days = new Map<LocalDate, PayoutDay>()
  const cases = new Map<number, PayoutCase>()
  for (const l of lines) {
    const d = days.get(l.deadline) ?? { day: l.deadline, count: 0, amount: 0 }
    d.count++
    d.amount += l.amount
    days.set(l.deadline, d)
    const c = cases.get(l.caseId) ?? {
      caseId: l.caseId,
      itemId: l.itemId,
      title: l.title,
      counterpartyName: l.counterpartyName,
      count: 0,
      amount: 0,
      firstDeadline: l.deadline,
    }
    c.count++
    c.amount += l.amount
    if (l.deadline < c.firstDeadline) c.firstDeadline = l.deadline
    cases.set(l.caseId, c)
  }
  return {
    byDay: [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1)),
    byCase: [...cases.values()].sort((a, b) =>
      a.firstDeadline === b.firstDeadline ? a.caseId - b.caseId : a.firstDeadline < b.firstDeadline ? -1 : 1,
    ),
  }
}
