// A REST failure as the portal reports it: {error, error_description} with an HTTP status.
export class RestError extends Error {
  readonly code: string
  readonly description: string
  readonly status: number
  readonly extra: Record<string, unknown> | undefined

  constructor(code: string, description: string, status = 400, extra?: Record<string, unknown>) {
    super(`${code}: ${description}`)
    this.code = code
    this.description = description
    this.status = status
    this.extra = extra
  }
}

export const notFound = (what = 'Not found') => new RestError('NOT_FOUND', what, 400)
export const badArg = (what: string) => new RestError('INVALID_ARG_VALUE', what, 400)
export const missingParam = (name: string) => new RestError('100', `Could not find value for parameter {${name}}`, 400)
