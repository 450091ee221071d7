/** A rejected inbound call: answered with `status` and a clear message, nothing enqueued. */
export class InboundError extends Error {
  readonly status: number
  readonly code: string
  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'InboundError'
    this.status = status
    this.code = code
  }
}
