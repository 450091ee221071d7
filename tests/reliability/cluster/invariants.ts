// The invariants of the run, read from the sandbox's state (what the portal holds) and from our
// database: each portal write that must happen once happened once, and the money in the ledger is
// the money the portal's items show.
import { parseMoneyValue } from '../../../server/use-cases/receivables/receivable-item-fields.ts'
import type { Cluster } from './world.ts'

type Rec = Record<string, unknown>

/** Groups of records that describe the same effect (key -> how many times it is in the portal). */
function duplicates(rows: Rec[], keyOf: (r: Rec) => string): { key: string; count: number }[] {
  const n = new Map<string, number>()
  for (const r of rows) n.set(keyOf(r), (n.get(keyOf(r)) ?? 0) + 1)
  return [...n].filter(([, count]) => count > 1).map(([key, count]) => ({ key: key.slice(0, 200), count }))
}

export interface DuplicateReport {
  tasks: number
  comments: number
  activities: number
  notifications: number
  bizprocEvents: number
  found: Record<string, { key: string; count: number }[]>
}

export function portalDuplicates(c: Cluster): DuplicateReport {
  const a = c.sb.admin
  const found = {
    tasks: duplicates(a.tasks(c.portalId), (t) =>
      JSON.stringify([t.XML_ID ?? null, t.TITLE, t.RESPONSIBLE_ID, [...((t.UF_CRM_TASK as string[]) ?? [])].sort()]),
    ),
    comments: duplicates(a.comments(c.portalId), (m) => JSON.stringify([m.ENTITY_TYPE, m.ENTITY_ID, m.COMMENT])),
    activities: duplicates(a.activities(c.portalId), (x) =>
      JSON.stringify([x.OWNER_TYPE_ID, x.OWNER_ID, x.TYPE_ID, x.SUBJECT, x.DESCRIPTION]),
    ),
    notifications: duplicates(
      a.notifications(c.portalId).filter((x) => !x.removed),
      (x) => JSON.stringify([x.userId, x.message]),
    ),
    bizprocEvents: duplicates(a.bizprocEvents(c.portalId), (e) => String(e.eventToken)),
  }
  return {
    tasks: a.tasks(c.portalId).length,
    comments: a.comments(c.portalId).length,
    activities: a.activities(c.portalId).length,
    notifications: a.notifications(c.portalId).length,
    bizprocEvents: a.bizprocEvents(c.portalId).length,
    found,
  }
}

export interface LedgerMismatch {
  receivableId: number
  itemId: number | null
  problem: string
}

/** Every receivable: paid = sum of its payments; its item shows the same amount, paid and remaining. Every item is in the ledger. */
export async function ledgerMismatches(
  c: Cluster,
): Promise<{ checked: number; items: number; payments: number; mismatches: LedgerMismatch[] }> {
  const rec = c.state.processes.receivables!
  const f = (k: string) => rec.fields[k].restName
  const rows = await c.db.query<{
    id: string
    item_id: number | null
    amount: string
    paid: string
    remaining: string
    sum: string
    n: string
  }>(
    `SELECT r.id, r.item_id, r.amount, r.paid, r.remaining, coalesce(sum(p.amount), 0) AS sum, count(p.id) AS n
     FROM receivables r LEFT JOIN payments p ON p.receivable_id = r.id AND p.member_id = r.member_id WHERE r.member_id = $1 GROUP BY r.id`,
    [c.memberId],
  )
  const items = await portalItems(c, rec.entityTypeId)
  const mismatches: LedgerMismatch[] = []
  const seen = new Set<number>()
  let payments = 0
  for (const r of rows) {
    const id = Number(r.id)
    payments += Number(r.n)
    const bad = (problem: string) => mismatches.push({ receivableId: id, itemId: r.item_id, problem })
    if (Number(r.paid) !== Number(r.sum)) bad(`ledger paid ${r.paid} != sum of payments ${r.sum}`)
    if (r.item_id === null) {
      bad('no portal item')
      continue
    }
    seen.add(r.item_id)
    const item = items.get(r.item_id)
    if (!item) {
      bad('the portal item is gone')
      continue
    }
    const at = `(stage ${String(item.stageId)}, ${r.n} payments)`
    const money = (k: string) => parseMoneyValue(item[f(k)])?.kopecks ?? null
    if (money('amount') !== Number(r.amount)) bad(`item amount ${money('amount')} != ledger ${r.amount} ${at}`)
    if ((money('paid') ?? 0) !== Number(r.paid)) bad(`item paid ${money('paid')} != ledger ${r.paid} ${at}`)
    if ((money('remaining') ?? Number(r.amount)) !== Number(r.remaining))
      bad(`item remaining ${money('remaining')} != ledger ${r.remaining} ${at}`)
  }
  for (const id of items.keys())
    if (!seen.has(id))
      mismatches.push({ receivableId: 0, itemId: id, problem: 'a portal item the ledger does not know' })
  return { checked: rows.length, items: items.size, payments, mismatches }
}

/** The items as the portal answers crm.item.list (read in-process: no limits, no faults). */
async function portalItems(c: Cluster, entityTypeId: number): Promise<Map<number, Rec>> {
  const out = new Map<number, Rec>()
  for (let start = 0; ; start += 50) {
    const r = await c.sb.admin.call<{ items: Rec[] }>(c.portalId, 'crm.item.list', {
      entityTypeId,
      start,
      order: { id: 'ASC' },
    })
    for (const i of r.result.items) out.set(Number(i.id), i)
    if (r.next === undefined || r.result.items.length === 0) return out
  }
}

export interface RobotReport {
  runs: number
  steps: Record<string, number>
  failedSteps: { itemId: number; status: string; log: string | null }[]
  robotPayments: number
  stepsWithoutPayment: string[]
  paymentsWithoutStep: string[]
}

/** Every payment-record step answered success, and each step's event token (the payment's reference) has its one payment. */
export async function robotReport(c: Cluster): Promise<RobotReport> {
  type Step = {
    code: string
    status: string
    eventToken: string | null
    returnValues: Record<string, unknown> | null
    logMessage: string | null
  }
  const runs = c.sb.admin.robotRuns(c.portalId) as unknown as { itemId: number; status: string; steps: Step[] }[]
  const steps: Record<string, number> = {}
  const failedSteps: RobotReport['failedSteps'] = []
  const tokens = new Set<string>()
  for (const r of runs)
    for (const s of r.steps) {
      const ok = s.returnValues?.success === 'Y'
      const k = `${s.code} ${s.status} ${ok ? 'success' : 'no-success'}`
      steps[k] = (steps[k] ?? 0) + 1
      if (!ok) failedSteps.push({ itemId: Number(r.itemId), status: s.status, log: s.logMessage })
      else if (s.eventToken) tokens.add(`robot:${s.eventToken}`) // "duplicate: Y" is a retried call that found its own payment
    }
  const refs = (
    await c.db.query<{ source_ref: string }>(
      "SELECT source_ref FROM payments WHERE member_id = $1 AND source = 'robot'",
      [c.memberId],
    )
  ).map((r) => r.source_ref)
  return {
    runs: runs.length,
    steps,
    failedSteps,
    robotPayments: refs.length,
    stepsWithoutPayment: [...tokens].filter((t) => !refs.includes(t)),
    paymentsWithoutStep: refs.filter((r) => !tokens.has(r)),
  }
}
