import type { FastifyError, FastifyInstance } from 'fastify'
import { InboundError } from '../bitrix24/inbound/inbound-error.ts'
import { isConnectionLost } from '../lib/connection-lost.ts'

export interface ApiErrorBody { error: string; message: string; details?: unknown }

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
      body = { error: err.code, message: err.message, ...(err instanceof ApiError && err.details !== undefined ? { details: err.details } : {}) }
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
    else req.log.warn({ status, code: body.error, url: req.url }, 'http.rejected')
    void reply.status(status).send(body)
  })
}
