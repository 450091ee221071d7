// Collection reports from our ledger (the read model): overdue at the end of each of the last 12
// weeks, DSO per month (outstanding at month end / that month's sales x its days), and collection
// effectiveness per month (what fell due in the month vs what of it was paid by the month's end).
// Four grouped SQL queries give the sums by (due date, invoice date[, payment day]); the per-day
// arithmetic is done here, so 100,000 receivables cost a few small result sets, not days x rows.
import { sql } from 'kysely'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import type { CollectionReportDto } from '../../../contracts/reports.ts'

type Num = string | number
const iso = (d: Date) => d.toISOString().slice(0, 10)
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000))
const monthEnd = (y: number, m: number) => iso(new Date(Date.UTC(y, m + 1, 0)))

interface Sums {
  /** receivables never overpaid: count and amount by (due, invoice) */
  amounts: { due: string; inv: string; amount: number; n: number }[]
  /** their payments by (due, invoice, day paid) */
  paid: { due: string; inv: string; day: string; amount: number }[]
  /** the day each fully paid one became paid, counted by (due, invoice, day) */
  settled: { due: string; inv: string; day: string; n: number }[]
  /** overpaid receivables (rare), one by one with their payments */
  over: Map<number, { due: string; inv: string; amount: number; pays: { day: string; amount: number }[] }>
}

async function ledgerSums(ports: Pick<ReceivablesPorts, 'db'>, memberId: string, last: string): Promise<Sums> {
  const [amounts, paid, settled, over] = await Promise.all([
    sql<{
      due: string
      inv: string
      amount: Num
      n: Num
    }>`SELECT r.effective_due_date::text AS due, r.invoice_date::text AS inv, sum(r.amount) AS amount, count(*) AS n
      FROM receivables r WHERE r.member_id = ${memberId} AND r.paid <= r.amount AND r.invoice_date <= ${last} GROUP BY 1, 2`.execute(
      ports.db,
    ),
    sql<{
      due: string
      inv: string
      day: string
      amount: Num
    }>`SELECT r.effective_due_date::text AS due, r.invoice_date::text AS inv, p.paid_on::text AS day, sum(p.amount) AS amount
      FROM payments p JOIN receivables r ON r.id = p.receivable_id AND r.member_id = p.member_id
      WHERE p.member_id = ${memberId} AND r.paid <= r.amount AND r.invoice_date <= ${last} AND p.paid_on <= ${last} GROUP BY 1, 2, 3`.execute(
      ports.db,
    ),
    sql<{ due: string; inv: string; day: string; n: Num }>`SELECT due, inv, day, count(*) AS n FROM (
        SELECT r.effective_due_date::text AS due, r.invoice_date::text AS inv, (SELECT min(x.paid_on) FROM (SELECT p.paid_on, sum(p.amount) OVER (ORDER BY p.paid_on, p.id) AS cum
          FROM payments p WHERE p.member_id = r.member_id AND p.receivable_id = r.id) x WHERE x.cum >= r.amount)::text AS day
        FROM receivables r WHERE r.member_id = ${memberId} AND r.paid = r.amount AND r.invoice_date <= ${last}) s
      WHERE day IS NOT NULL GROUP BY 1, 2, 3`.execute(ports.db),
    sql<{
      id: number
      due: string
      inv: string
      amount: Num
      day: string
      paid: Num
    }>`SELECT r.id, r.effective_due_date::text AS due, r.invoice_date::text AS inv, r.amount, p.paid_on::text AS day, p.amount AS paid
      FROM receivables r JOIN payments p ON p.receivable_id = r.id AND p.member_id = r.member_id
      WHERE r.member_id = ${memberId} AND r.paid > r.amount AND r.invoice_date <= ${last}`.execute(ports.db),
  ])
  const overBy: Sums['over'] = new Map()
  for (const o of over.rows) {
    const e = overBy.get(Number(o.id)) ?? { due: o.due, inv: o.inv, amount: Number(o.amount), pays: [] }
    e.pays.push({ day: o.day, amount: Number(o.paid) })
    overBy.set(Number(o.id), e)
  }
  return {
    amounts: amounts.rows.map((r) => ({ due: r.due, inv: r.inv, amount: Number(r.amount), n: Number(r.n) })),
    paid: paid.rows.map((r) => ({ due: r.due, inv: r.inv, day: r.day, amount: Number(r.amount) })),
    settled: settled.rows.map((r) => ({ due: r.due, inv: r.inv, day: r.day, n: Number(r.n) })),
    over: overBy,
  }
}

/** What was owed on `day` (never below zero per receivable) of the receivables selected by `within`. */
function balanceOn(
  s: Sums,
  day: string,
  within: (r: { due: string; inv: string }) => boolean,
): { balance: number; n: number } {
  let balance = 0
  let n = 0
  for (const r of s.amounts)
    if (within(r)) {
      balance += r.amount
      n += r.n
    }
  for (const p of s.paid) if (p.day <= day && within(p)) balance -= p.amount
  for (const x of s.settled) if (x.day <= day && within(x)) n -= x.n
  for (const o of s.over.values()) {
    if (!within(o)) continue
    const left = o.amount - o.pays.filter((p) => p.day <= day).reduce((t, p) => t + p.amount, 0)
    if (left > 0) {
      balance += left
      n++
    }
  }
  return { balance, n }
}

export async function collectionReport(ports: ReceivablesPorts, memberId: string): Promise<CollectionReportDto> {
  const { today } = await portalDay(ports, memberId)
  // the last 12 week ends (Sundays), the current week counted up to today
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay()
  const lastSunday = addDays(today, -(dow === 0 ? 7 : dow))
  const weeks = [...Array.from({ length: 11 }, (_, k) => addDays(lastSunday, -7 * (10 - k))), today]
  const [y, m] = today.split('-').map(Number)
  const months = Array.from({ length: 6 }, (_, k) => {
    const d = new Date(Date.UTC(y, m - 1 - (5 - k), 1))
    return {
      key: iso(d).slice(0, 7),
      start: iso(d),
      end: k === 5 ? today : monthEnd(d.getUTCFullYear(), d.getUTCMonth()),
    }
  })
  const s = await ledgerSums(ports, memberId, today)
  const inMonth = (d: string, mo: { start: string; end: string }) => d >= mo.start && d <= mo.end
  const monthLast = (mo: { key: string }) => monthEnd(Number(mo.key.slice(0, 4)), Number(mo.key.slice(5, 7)) - 1)
  return {
    today,
    trend: weeks.map((day) => {
      const b = balanceOn(s, day, (r) => r.due < day && r.inv <= day)
      return { day, overdue: b.balance, invoices: b.n }
    }),
    dso: months.map((mo) => {
      const outstanding = balanceOn(s, mo.end, (r) => r.inv <= mo.end).balance
      const sales =
        s.amounts.filter((r) => inMonth(r.inv, mo)).reduce((t, r) => t + r.amount, 0) +
        [...s.over.values()].filter((o) => inMonth(o.inv, mo)).reduce((t, o) => t + o.amount, 0)
      const days = Number(mo.end.slice(8, 10))
      return {
        month: mo.key,
        outstanding,
        sales,
        dso: sales > 0 ? Math.round((outstanding / sales) * days * 10) / 10 : null,
      }
    }),
    effectiveness: months.map((mo) => {
      // due in the month (up to today), and what of it was paid by the month's last day
      const end = monthLast(mo)
      const dueIn = (r: { due: string }) => inMonth(r.due, mo)
      const due =
        s.amounts.filter(dueIn).reduce((t, r) => t + r.amount, 0) +
        [...s.over.values()].filter(dueIn).reduce((t, o) => t + o.amount, 0)
      const collected =
        s.paid.filter((p) => dueIn(p) && p.day <= end).reduce((t, p) => t + p.amount, 0) +
        [...s.over.values()].filter(dueIn).reduce(
          (t, o) =>
            t +
            Math.min(
              o.amount,
              o.pays.filter((p) => p.day <= end).reduce((x, p) => x + p.amount, 0),
            ),
          0,
        )
      return { month: mo.key, due, collected, rate: due > 0 ? Math.round((collected / due) * 1000) / 10 : null }
    }),
  }
}
