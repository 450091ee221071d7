// Ageing of open debt: current (not yet overdue), 1-30, 31-60, 61-90 and 90+ days past the
// effective due date, for a portal, per counterparty and per our legal entity (the contract's).
import type { LocalDate } from '../calendar/index.ts'
import { daysBetween } from './due.ts'

export const AGEING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const
export type AgeingBucket = (typeof AGEING_BUCKETS)[number]

export interface AgeingCell {
  amount: number
  count: number
}
export type AgeingRow = Record<AgeingBucket, AgeingCell> & { total: AgeingCell }

export interface OpenDebt {
  counterpartyId: number
  remaining: number
  effectiveDueDate: LocalDate
  /** Our legal entity that issued it (from its contract); null when not named. */
  legalEntity?: string | null
}

export function bucketOf(daysOverdue: number): AgeingBucket {
  if (daysOverdue <= 0) return 'current'
  if (daysOverdue <= 30) return 'd1_30'
  if (daysOverdue <= 60) return 'd31_60'
  if (daysOverdue <= 90) return 'd61_90'
  return 'd90_plus'
}

export function emptyAgeingRow(): AgeingRow {
  const cell = () => ({ amount: 0, count: 0 })
  return { current: cell(), d1_30: cell(), d31_60: cell(), d61_90: cell(), d90_plus: cell(), total: cell() }
}

function add(row: AgeingRow, bucket: AgeingBucket, amount: number): void {
  row[bucket].amount += amount
  row[bucket].count += 1
  row.total.amount += amount
  row.total.count += 1
}

/** Buckets open debts (remaining > 0) for the portal, per counterparty and per legal entity ('' = not named). */
export function ageDebts(
  debts: Iterable<OpenDebt>,
  today: LocalDate,
): { portal: AgeingRow; byCounterparty: Map<number, AgeingRow>; byLegalEntity: Map<string, AgeingRow> } {
  const portal = emptyAgeingRow()
  const byCounterparty = new Map<number, AgeingRow>()
  const byLegalEntity = new Map<string, AgeingRow>()
  for (const d of debts) {
    if (d.remaining <= 0) continue
    const bucket = bucketOf(daysBetween(d.effectiveDueDate, today))
    add(portal, bucket, d.remaining)
    let row = byCounterparty.get(d.counterpartyId)
    if (!row) byCounterparty.set(d.counterpartyId, (row = emptyAgeingRow()))
    add(row, bucket, d.remaining)
    const entity = d.legalEntity?.trim() ?? ''
    let byEntity = byLegalEntity.get(entity)
    if (!byEntity) byLegalEntity.set(entity, (byEntity = emptyAgeingRow()))
    add(byEntity, bucket, d.remaining)
  }
  return { portal, byCounterparty, byLegalEntity }
}
