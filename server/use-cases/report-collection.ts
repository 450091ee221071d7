// Collection reports from our ledger (the read model): overdue at the end of each of the last 12
// weeks, DSO per month (outstanding at month end / that month's sales x its days), and collection
// effectiveness per month (what fell due in the month vs what of it was paid by the month's end).
// Each is one SQL query over days x receivables with payments summed per receivable and day.
import { sql } from 'kysely'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import type { CollectionReportDto } from '../http/contracts/reports.ts'

const iso = (d: Date) => d.toISOString().slice(0, 10)
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000))
const monthEnd = (y: number, m: number) => iso(new Date(Date.UTC(y, m + 1, 0)))

/** Balance of each day: the receivables selected by `cond` minus what was paid on them by that day. */
async function balancesAt(ports: Pick<ReceivablesPorts, 'db'>, memberId: string, days: string[], mode: 'overdue' | 'outstanding') {
  const cond = mode === 'overdue' ? sql`r.effective_due_date < d.day AND r.invoice_date <= d.day` : sql`r.invoice_date <= d.day`
  const r = await sql<{ day: string; balance: string | number; n: string | number }>`
    WITH d AS (SELECT unnest(${sql.raw(`ARRAY[${days.map((x) => `'${x}'`).join(',')}]`)}::date[]) AS day),
    cand AS (SELECT id, amount, effective_due_date, invoice_date FROM receivables
             WHERE member_id = ${memberId} AND invoice_date <= ${days[days.length - 1]} AND (amount > paid OR last_payment_on >= ${days[0]})),
    paid AS (SELECT d.day, p.receivable_id, sum(p.amount) AS paid FROM d JOIN payments p ON p.member_id = ${memberId} AND p.paid_on <= d.day
             JOIN cand c ON c.id = p.receivable_id GROUP BY d.day, p.receivable_id)
    SELECT d.day::text AS day, coalesce(sum(greatest(r.amount - coalesce(x.paid, 0), 0)), 0) AS balance, count(*) FILTER (WHERE r.amount > coalesce(x.paid, 0)) AS n
    FROM d JOIN cand r ON ${cond} LEFT JOIN paid x ON x.day = d.day AND x.receivable_id = r.id
    GROUP BY d.day ORDER BY d.day`.execute(ports.db)
  const by = new Map(r.rows.map((x) => [x.day, { balance: Number(x.balance), n: Number(x.n) }]))
  return days.map((day) => ({ day, ...(by.get(day) ?? { balance: 0, n: 0 }) }))
}

export async function collectionReport(ports: ReceivablesPorts, memberId: string): Promise<CollectionReportDto> {
  const { today } = await portalDay(ports, memberId)
  // the last 12 week ends (Sundays), the current week counted up to today
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay()
  const lastSunday = addDays(today, -(dow === 0 ? 7 : dow))
  const weeks = [...Array.from({ length: 11 }, (_, k) => addDays(lastSunday, -7 * (10 - k))), today]
  const [y, m] = today.split('-').map(Number)
  const months = Array.from({ length: 6 }, (_, k) => { const d = new Date(Date.UTC(y, m - 1 - (5 - k), 1)); return { key: iso(d).slice(0, 7), start: iso(d), end: k === 5 ? today : monthEnd(d.getUTCFullYear(), d.getUTCMonth()) } })
  const [trend, outstanding, sales, eff] = await Promise.all([
    balancesAt(ports, memberId, weeks, 'overdue'),
    balancesAt(ports, memberId, months.map((x) => x.end), 'outstanding'),
    sql<{ month: string; sales: string | number }>`SELECT to_char(invoice_date, 'YYYY-MM') AS month, sum(amount) AS sales FROM receivables
      WHERE member_id = ${memberId} AND invoice_date >= ${months[0].start} AND invoice_date <= ${today} GROUP BY 1`.execute(ports.db),
    sql<{ month: string; due: string | number; collected: string | number }>`
      WITH r AS (SELECT id, amount, to_char(effective_due_date, 'YYYY-MM') AS month,
                   (date_trunc('month', effective_due_date) + interval '1 month' - interval '1 day')::date AS month_end
                 FROM receivables WHERE member_id = ${memberId} AND effective_due_date >= ${months[0].start} AND effective_due_date <= ${today})
      SELECT r.month, sum(r.amount) AS due, sum(least(coalesce(p.paid, 0), r.amount)) AS collected FROM r
      LEFT JOIN LATERAL (SELECT sum(amount) AS paid FROM payments WHERE member_id = ${memberId} AND receivable_id = r.id AND paid_on <= r.month_end) p ON true
      GROUP BY r.month`.execute(ports.db),
  ])
  const salesBy = new Map(sales.rows.map((x) => [x.month, Number(x.sales)]))
  const effBy = new Map(eff.rows.map((x) => [x.month, { due: Number(x.due), collected: Number(x.collected) }]))
  return {
    today,
    trend: trend.map((t) => ({ day: t.day, overdue: t.balance, invoices: t.n })),
    dso: months.map((mo, k) => {
      const s = salesBy.get(mo.key) ?? 0
      const days = Number(mo.end.slice(8, 10))
      return { month: mo.key, outstanding: outstanding[k].balance, sales: s, dso: s > 0 ? Math.round((outstanding[k].balance / s) * days * 10) / 10 : null }
    }),
    effectiveness: months.map((mo) => {
      const e = effBy.get(mo.key) ?? { due: 0, collected: 0 }
      return { month: mo.key, due: e.due, collected: e.collected, rate: e.due > 0 ? Math.round((e.collected / e.due) * 1000) / 10 : null }
    }),
  }
}
