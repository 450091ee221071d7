/** A broken business rule or bad input: a stable code, a message for people; never retried. */
export abstract class DomainError<Code extends string = string> extends Error {
  readonly code: Code
  constructor(name: string, code: Code, message: string) {
    super(message)
    this.name = name
    this.code = code
  }
}
