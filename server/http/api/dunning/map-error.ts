// DunningError -> ApiError: input problems are 400, unknown things 404, state conflicts (and no bot) 409.
import { ApiError } from '../../error-handler.ts'
import { DunningError } from '../../../domain/dunning/index.ts'

const NOT_FOUND = new Set(['dunning.not-found', 'dunning.review-not-found'])
const CONFLICT = new Set([
  'dunning.conflict',
  'dunning.review-decided',
  'dunning.review-dropped',
  'dunning.telegram-unavailable',
])

export async function mapped<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof DunningError) {
      const status = NOT_FOUND.has(e.code) ? 404 : CONFLICT.has(e.code) ? 409 : 400
      throw new ApiError(status, e.code, e.message, e.details)
    }
    throw e
  }
}

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
