// Strict parsing of path, query and body values: anything malformed is a clear 400, before any write.
import { ApiError } from '../../error-handler.ts'
import { ReceivableError } from '../../../domain/receivables/index.ts'
import { LedgerError } from '../../../use-cases/receivables/ledger-error.ts'
import type { CounterpartyType, ReceivableFilter, ReceivableSortKey } from '../../../../contracts/receivables.ts'

const ID = /^[1-9]\d{0,14}$/

export function idParam(v: unknown, name: string): number {
  if (typeof v !== 'string' || !ID.test(v))
    throw new ApiError(400, 'request.invalid-id', `${name} must be a positive integer id`)
  return Number(v)
}

export function counterpartyType(v: unknown): CounterpartyType {
  if (v !== 'company' && v !== 'contact')
    throw new ApiError(400, 'request.invalid-counterparty', 'counterparty type must be "company" or "contact"')
  return v
}

export function objectBody(v: unknown): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new ApiError(400, 'request.invalid-body', 'the body must be a JSON object')
  return v as Record<string, unknown>
}

/** Refuses fields the route does not know: a typo must not save defaults over real settings. */
export function knownFields(b: Record<string, unknown>, allowed: readonly string[]): Record<string, unknown> {
  const unknown = Object.keys(b).filter((k) => !allowed.includes(k))
  if (unknown.length)
    throw new ApiError(
      400,
      'request.unknown-field',
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown
        .slice(0, 5)
        .map((k) => JSON.stringify(k.slice(0, 40)))
        .join(', ')}; expected ${allowed.join(', ')}`,
    )
  return b
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], name: string, fallback: T): T {
  if (v === undefined || v === '') return fallback
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new ApiError(400, 'request.invalid-query', `${name} must be one of ${allowed.join(', ')}`)
  return v as T
}

export function intQuery(v: unknown, name: string, min: number, max: number, fallback: number): number {
  if (v === undefined || v === '') return fallback
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new ApiError(400, 'request.invalid-query', `${name} must be an integer from ${min} to ${max}`)
  return n
}

export const SORT_KEYS: readonly ReceivableSortKey[] = [
  'invoiceNumber',
  'invoiceDate',
  'dueDate',
  'amount',
  'paid',
  'remaining',
  'stage',
  'daysOverdue',
  'contractNumber',
  'counterpartyName',
]
export const FILTERS: readonly ReceivableFilter[] = ['all', 'open', 'overdue', 'paid', 'sent', 'due-soon', 'stuck']

/** Runs a use-case and turns its domain failures into 4xx answers. */
export async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    if (e instanceof ReceivableError)
      throw new ApiError(400, e.code, e.message, e.field ? { field: e.field, ...e.params } : undefined)
    if (e instanceof LedgerError)
      throw new ApiError(e.kind === 'not-found' ? 404 : e.kind === 'invalid' ? 400 : 409, e.code, e.message, e.params)
    throw e
  }
}
