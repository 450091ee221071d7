// Domain errors of approvals carry a stable code and never retry.
import { DomainError } from '../domain-error.ts'
export type ApprovalErrorCode =
  | 'approval.incomplete-request'
  | 'approval.not-in-progress'
  | 'approval.not-your-step'
  | 'approval.reason-required'
  | 'approval.stale-step'
  | 'approval.no-approver'
  | 'approval.invalid-settings'
  | 'approval.paused'

export class ApprovalError extends DomainError<ApprovalErrorCode> {
  readonly details: unknown
  constructor(code: ApprovalErrorCode, message: string, details?: unknown) {
    super('ApprovalError', code, message)
    this.details = details
  }
}
