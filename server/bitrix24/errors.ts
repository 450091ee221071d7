// Every failure of a portal call becomes a Bitrix24Error {code, status, retryable}.
export class Bitrix24Error extends Error {
  readonly code: string
  readonly status: number
  readonly retryable: boolean
  readonly method: string | null
  constructor(code: string, message: string, status: number, retryable: boolean, method: string | null = null) {
    super(message)
    this.name = 'Bitrix24Error'
    this.code = code
    this.status = status
    this.retryable = retryable
    this.method = method
  }
}

const RETRYABLE_CODES = new Set([
  'QUERY_LIMIT_EXCEEDED',
  'OPERATION_TIME_LIMIT',
  'INTERNAL_SERVER_ERROR',
  'ERROR_UNEXPECTED_ANSWER',
  'NETWORK_ERROR',
  'TIMEOUT',
  'expired_token',
])

/** Decides retryability from the error code and HTTP status (5xx and limits retry; 4xx does not). */
export function toBitrix24Error(
  code: string,
  message: string,
  status: number,
  method: string | null = null,
): Bitrix24Error {
  const retryable = RETRYABLE_CODES.has(code) || status >= 500 || status === 429 || status === 0
  return new Bitrix24Error(code, message, status, retryable, method)
}
