// A person closes a contract with a date and a reason; the input is checked in full before anything changes.
import type { LocalDate } from '../calendar/index.ts'

export class ContractCloseError extends Error {
  readonly code = 'contract.close-invalid'
  readonly errors: string[]
  constructor(message: string, errors: string[]) {
    super(message)
    this.errors = errors
  }
}

export interface ContractClose {
  closedOn: LocalDate
  reason: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const isDay = (v: unknown): v is string =>
  typeof v === 'string' && DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v

/** closedOn: a real day, not after today and not before the contract's date; reason: 1-500 characters. */
export function validateContractClose(input: unknown, today: LocalDate, contractDate: LocalDate | null): ContractClose {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  const errors: string[] = []
  if (!isDay(o.closedOn)) errors.push('closedOn: a date YYYY-MM-DD')
  else if (o.closedOn > today) errors.push(`closedOn: cannot be after today (${today})`)
  else if (contractDate && o.closedOn < contractDate)
    errors.push(`closedOn: cannot be before the contract's date (${contractDate})`)
  const reason = typeof o.reason === 'string' ? o.reason.trim() : ''
  if (!reason || reason.length > 500) errors.push('reason: text of 1 to 500 characters')
  if (errors.length) throw new ContractCloseError(errors.join('; '), errors)
  return { closedOn: o.closedOn as string, reason }
}
