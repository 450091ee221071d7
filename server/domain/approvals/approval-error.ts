// Domain errors of approvals carry a stable code and never retry.
export type ApprovalErrorCode =
  | 'approval.incomplete-request' | 'approval.not-in-progress' | 'approval.not-your-step' | 'approval.reason-required'
  | 'approval.stale-step' | 'approval.no-approver' | 'approval.invalid-settings' | 'approval.paused'

export class ApprovalError extends Error {
  readonly code: ApprovalErrorCode
  readonly details: unknown
  constructor(code: ApprovalErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApprovalError'
    this.code = code
    this.details = details
  }
}
