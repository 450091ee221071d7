// Strict parsing for /api/approvals and the mapping of approval domain errors to HTTP answers.
import { ApiError } from '../../error-handler.ts'
import { ApprovalError } from '../../../domain/approvals/index.ts'

const ID = /^[1-9]\d{0,14}$/

export function idParam(v: unknown, name: string): number {
  if (typeof v !== 'string' || !ID.test(v))
    throw new ApiError(400, 'request.invalid-id', `${name} must be a positive integer id`)
  return Number(v)
}

export function objectBody(v: unknown): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new ApiError(400, 'request.invalid-body', 'the body must be a JSON object')
  return v as Record<string, unknown>
}

export function intField(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
    throw new ApiError(400, 'request.invalid-body', `${name} must be an integer from ${min} to ${max}`)
  return v
}

const STATUS: Record<string, number> = {
  'approval.not-your-step': 403,
  'approval.reason-required': 400,
  'approval.incomplete-request': 400,
  'approval.invalid-settings': 400,
  'approval.not-in-progress': 409,
  'approval.stale-step': 409,
  'approval.paused': 409,
  'approval.no-approver': 409,
}

export async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    if (e instanceof ApprovalError) throw new ApiError(STATUS[e.code] ?? 400, e.code, e.message, e.details)
    throw e
  }
}
