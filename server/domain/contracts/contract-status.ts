// A contract's status, kept from the money: active (nothing overdue), overdue (with the oldest days),
// claim (a claim case open on any of its invoices), settled (every invoice paid), closed (by a person).
// The company's status is the worst of its contracts'. Pure: today is a parameter.
import type { LocalDate } from '../calendar/index.ts'
import { daysBetween } from '../receivables/index.ts'

export const CONTRACT_STATUSES = ['active', 'overdue', 'claim', 'settled', 'closed'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

/** Worst first: the order a company's status is chosen in. */
const SEVERITY: Record<ContractStatus, number> = { claim: 4, overdue: 3, active: 2, settled: 1, closed: 0 }

export interface ContractInvoice {
  remaining: number
  effectiveDueDate: LocalDate
  /** written off invoices carry no debt */
  writtenOff: boolean
  /** a claim case open on this invoice */
  inClaim: boolean
}

export interface ContractStatusValue {
  status: ContractStatus
  /** Days past the effective due date of the oldest overdue invoice (0 unless overdue or claim). */
  oldestDays: number
}

export function contractStatusOf(
  invoices: readonly ContractInvoice[],
  closedOn: LocalDate | null,
  today: LocalDate,
): ContractStatusValue {
  if (closedOn) return { status: 'closed', oldestDays: 0 }
  const open = invoices.filter((i) => !i.writtenOff && i.remaining > 0)
  const oldestDays = open.reduce(
    (m, i) => (i.effectiveDueDate < today ? Math.max(m, daysBetween(i.effectiveDueDate, today)) : m),
    0,
  )
  if (open.some((i) => i.inClaim)) return { status: 'claim', oldestDays }
  if (oldestDays > 0) return { status: 'overdue', oldestDays }
  if (!open.length && invoices.length) return { status: 'settled', oldestDays: 0 }
  return { status: 'active', oldestDays: 0 }
}

/** The worst status among the contracts (null: no contracts). */
export function worstContractStatus(statuses: readonly ContractStatus[]): ContractStatus | null {
  return statuses.reduce<ContractStatus | null>((w, s) => (w === null || SEVERITY[s] > SEVERITY[w] ? s : w), null)
}

export function isContractStatus(v: unknown): v is ContractStatus {
  return typeof v === 'string' && (CONTRACT_STATUSES as readonly string[]).includes(v)
}
