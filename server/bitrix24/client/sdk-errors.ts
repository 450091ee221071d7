import { Bitrix24Error, toBitrix24Error } from '../errors.ts'

/** Funnels whatever the SDK threw into Bitrix24Error {code, status, retryable}. */
export function fromSdkError(e: unknown, method: string): Bitrix24Error {
  // Our own errors (e.g. from the token broker inside the SDK's refresh) come back wrapped.
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof Bitrix24Error) return cur
    const c = cur as { originalError?: unknown; cause?: unknown }
    cur = c.originalError ?? c.cause
  }
  const err = e as {
    code?: string
    status?: number
    message?: string
    answerError?: { error?: string; errorDescription?: string }
  }
  const code = err.answerError?.error || err.code || 'NETWORK_ERROR'
  const status = typeof err.status === 'number' ? err.status : 0
  const message = err.answerError?.errorDescription || err.message || code
  if (code === 'expired_token' || code === 'invalid_token') return new Bitrix24Error(code, message, 401, false, method)
  return toBitrix24Error(code, message, status, method)
}
