import type { FastifyError, FastifyInstance } from 'fastify'
import { InboundError } from '../bitrix24/inbound/inbound-error.ts'
import { isConnectionLost } from '../lib/connection-lost.ts'
import { redactUrl } from '../lib/redact.ts'

export interface ApiErrorBody {
  error: string
  /** English, for logs and API clients; the page shows the code's text in its language (contracts/error-messages.ts) */
  message: string
  /** the values the code's text names ({field}, {max}, {rule} ...) */
  params?: Record<string, string | number | boolean | null>
  details?: unknown
}

/** Primitive values of `details` (and of its nested `params`) become the message params. */
export function paramsOf(details: unknown): ApiErrorBody['params'] {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return undefined
  const out: NonNullable<ApiErrorBody['params']> = {}
  const take = (o: object) => {
    for (const [k, v] of Object.entries(o))
      if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v as string | number | boolean
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) out[k] = v.join(', ')
  }
  take(details)
  const nested = (details as { params?: unknown }).params
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) take(nested)
  return Object.keys(out).length ? out : undefined
}

/** Something the caller did wrong, with a stable code and a message a person can act on. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message)
    this.status = status
    this.code = code
    this.details = details
  }
}

const FASTIFY_MESSAGES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.too-large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.unsupported-media-type', 'Unsupported content type'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.empty-json', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.malformed-json', 'The JSON body is malformed'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'request.bad-content-length', 'Content-Length does not match the body'],
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = 500
    let body: ApiErrorBody = { error: 'internal', message: 'Internal error; it has been logged' }
    if (err instanceof InboundError || err instanceof ApiError) {
      status = err.status
      const params = err instanceof ApiError ? paramsOf(err.details) : undefined
      body = {
        error: err.code,
        message: err.message,
        ...(params ? { params } : {}),
        ...(err instanceof ApiError && err.details !== undefined ? { details: err.details } : {}),
      }
    } else if (err.code && FASTIFY_MESSAGES[err.code]) {
      const [s, code, message] = FASTIFY_MESSAGES[err.code]
      status = s
      body = { error: code, message }
    } else if (err.validation) {
      status = 400
      body = { error: 'request.invalid', message: err.message }
    } else if (err instanceof SyntaxError) {
      status = 400
      body = { error: 'request.malformed-json', message: 'The JSON body is malformed' }
    } else if (isConnectionLost(err)) {
      // the database restarted under the request: nothing was committed, the caller may try again
      status = 503
      body = { error: 'storage.unavailable', message: 'The database connection was lost; try again' }
      void reply.header('retry-after', '1')
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode
      body = { error: 'request.rejected', message: err.message }
    }
    if (status >= 500) req.log.error({ err: { message: err.message, stack: err.stack } }, 'http.failed')
    else req.log.warn({ status, code: body.error, url: redactUrl(req.url) }, 'http.rejected')
    void reply.status(status).send(body)
  })
}
