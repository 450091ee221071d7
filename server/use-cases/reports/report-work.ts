// Work reports: promises to pay kept vs broken (by the promised month), payouts due this month
// (planned tranches of compensation claims), and approval cycle time with SLA breaches by approver.
import { sql } from 'kysely'
import { groupPayouts, resolvePayoutPeriod } from '../../domain/claims/payout-period.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { fullName, users } from '../../bitrix24/rest/index.ts'
import type { ApprovalState } from '../../domain/approvals/index.ts'
import type {
  ApprovalsReportDto,
  ApproverRowDto,
  PayoutsReportDto,
  PromisesReportDto,
} from '../../../contracts/reports.ts'

export async function promisesReport(ports: ReceivablesPorts, memberId: string): Promise<PromisesReportDto> {
  const { today } = await portalDay(ports, memberId)
  const rows = await sql<{
    month: string
    state: 'kept' | 'broken' | 'pending'
    n: string | number
    amount: string | number
  }>`
    SELECT to_char(d.promised_date, 'YYYY-MM') AS month,
      CASE WHEN d.remaining_at_promise - greatest(r.amount - r.paid, 0) >= d.promised_amount OR r.amount <= r.paid THEN 'kept'
           WHEN d.promised_date < ${today} THEN 'broken' ELSE 'pending' END AS state,
      count(*) AS n, sum(d.promised_amount) AS amount
    FROM dunning_receivables d JOIN receivables r ON r.id = d.receivable_id AND r.member_id = d.member_id
    WHERE d.member_id = ${memberId} AND d.promised_date IS NOT NULL GROUP BY 1, 2 ORDER BY 1`.execute(ports.db)
  const months = new Map<string, PromisesReportDto['months'][number]>()
  const total = { kept: 0, broken: 0, pending: 0 }
  for (const r of rows.rows) {
    const m = months.get(r.month) ?? { month: r.month, kept: 0, broken: 0, pending: 0, keptAmount: 0, brokenAmount: 0 }
    m[r.state] += Number(r.n)
    if (r.state === 'kept') m.keptAmount += Number(r.amount)
    if (r.state === 'broken') m.brokenAmount += Number(r.amount)
    total[r.state] += Number(r.n)
    months.set(r.month, m)
  }
  return { today, months: [...months.values()], total }
}

/** Planned tranches of payout cases due in the period (this month by default), by day and by case;
 *  unpaid overdue ones come too when the period starts by today. Bad periods: PayoutError. */
export async function payoutsReport(
  ports: ReceivablesPorts,
  memberId: string,
  query: { period?: unknown; from?: unknown; to?: unknown } = {},
): Promise<PayoutsReportDto> {
  const { today } = await portalDay(ports, memberId)
  const { from, to } = resolvePayoutPeriod(today, query)
  const rows = await ports.db
    .selectFrom('claim_tranches as t')
    .innerJoin('claim_cases as c', 'c.id', 't.case_id')
    .select([
      'c.id',
      'c.item_id',
      'c.title',
      'c.counterparty_name',
      sql<string>`t.deadline::text`.as('deadline'),
      't.amount',
    ])
    .where('t.member_id', '=', memberId)
    .where('t.status', '=', 'planned')
    .where((eb) =>
      eb.or([
        eb.and([eb('t.deadline', '>=', from), eb('t.deadline', '<=', to)]),
        ...(from <= today ? [eb('t.deadline', '<', from)] : []),
      ]),
    )
    .orderBy('t.deadline')
    .orderBy('t.id')
    .execute()
  const out = rows.map((r) => ({
    caseId: Number(r.id),
    itemId: r.item_id,
    title: r.title,
    counterpartyName: r.counterparty_name,
    deadline: r.deadline,
    amount: Number(r.amount),
    overdue: r.deadline < today,
  }))
  return {
    month: from.slice(0, 7),
    from,
    to,
    rows: out,
    total: out.reduce((s, r) => s + r.amount, 0),
    ...groupPayouts(out),
  }
}

const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000

/** Approvers are named from the portal's users (one request); without a portal they stay ids. */
async function approverNames(ports: ReceivablesPorts, memberId: string, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length || !ports.clients) return new Map()
  try {
    const client = await ports.clients.forPortal(memberId)
    return new Map((await users.many(client, ids)).map((u) => [Number(u.ID), fullName(u)]))
  } catch (e) {
    ports.log.warn({ memberId, err: (e as Error).message }, 'reports.approver-names-unavailable')
    return new Map()
  }
}

export async function approvalsReport(ports: ReceivablesPorts, memberId: string): Promise<ApprovalsReportDto> {
  const rows = await ports.db
    .selectFrom('approvals')
    .select(['status', 'state', 'created_at'])
    .where('member_id', '=', memberId)
    .execute()
  const by = new Map<number, { decided: number; hours: number; breaches: number; substituted: number }>()
  const cycles: number[] = []
  for (const r of rows) {
    const s = r.state as unknown as ApprovalState
    const decided = s.steps.filter((x) => x.decidedAt && x.startedAt)
    if (r.status === 'done' && decided.length)
      cycles.push(
        hours(
          new Date(r.created_at).toISOString(),
          decided
            .map((x) => x.decidedAt!)
            .sort()
            .at(-1)!,
        ),
      )
    for (const step of s.steps) {
      if (step.kind !== 'approval' || !step.assigneeId) continue
      const a = by.get(step.assigneeId) ?? { decided: 0, hours: 0, breaches: 0, substituted: 0 }
      if (step.decidedAt && step.startedAt) {
        a.decided++
        a.hours += hours(step.startedAt, step.decidedAt)
      }
      if (step.escalatedAt || step.remindedAt) a.breaches++
      if (step.substitute) a.substituted++
      by.set(step.assigneeId, a)
    }
  }
  const names = await approverNames(ports, memberId, [...by.keys()])
  const approvers: ApproverRowDto[] = [...by.entries()]
    .map(([approverId, a]) => ({
      approverId,
      approverName: names.get(approverId) ?? null,
      decided: a.decided,
      avgHours: a.decided ? Math.round((a.hours / a.decided) * 10) / 10 : 0,
      breaches: a.breaches,
      substituted: a.substituted,
    }))
    .sort((x, y) => y.breaches - x.breaches || x.approverId - y.approverId)
  return {
    requests: rows.length,
    done: rows.filter((r) => r.status === 'done').length,
    rejected: rows.filter((r) => r.status === 'rejected').length,
    avgCycleHours: cycles.length ? Math.round((cycles.reduce((s, h) => s + h, 0) / cycles.length) * 10) / 10 : null,
    approvers,
  }
}
