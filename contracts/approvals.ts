// /api/approvals request and response types, shared with placement-ui (type-only imports).
export type ApprovalPipelineDto = 'payments' | 'contracts'
export type ApprovalSlaStatusDto = 'on-time' | 'reminded' | 'escalated'
export type ApprovalStepStatusDto = 'waiting' | 'active' | 'approved' | 'rejected' | 'skipped'
export type ApprovalRoleKeyDto =
  'financeManager' | 'operationsManager' | 'chiefAccountant' | 'juniorAccountant' | 'cfo' | 'lawyer' | 'signatory'

export interface ApprovalStepDto {
  index: number
  /** head, cfo, finance, accounting, legal, signing */
  id: string
  stage: string
  role: string
  kind: 'approval' | 'accounting'
  assigneeId: number | null
  status: ApprovalStepStatusDto
  /** The initiator heads the department: they approve right in the card. */
  selfApproval: boolean
  startedAt: string | null
  takenAt: string | null
  decidedAt: string | null
  decidedBy: number | null
  /** Decided by the operations manager instead of the assignee. */
  substitute: boolean
  reason: string | null
  slaStatus: ApprovalSlaStatusDto
  remindedAt: string | null
  escalatedAt: string | null
  /** The next SLA moment (check, reminder or escalation) while the step runs. */
  nextSlaAt: string | null
  /** The next SLA moment is counted through a year without an official production calendar (art. 112). */
  nextSlaProvisional: boolean
  elapsedWorkingMinutes: number | null
  pausedAt: string | null
  pauseReason: string | null
}

export interface ApprovalAuditEntryDto {
  id: number
  at: string
  actor: string
  source: string
  action: string
  details: unknown
}

export interface ApprovalViewDto {
  id: number
  entityTypeId: number
  itemId: number
  pipeline: ApprovalPipelineDto
  round: number
  status: 'in-progress' | 'rejected' | 'done'
  paused: boolean
  currentStep: number | null
  steps: ApprovalStepDto[]
  accounting: {
    deadline: string | null
    mainDone: boolean
    subDone: boolean
    tasks: { taskId: number; kind: 'main' | 'sub' }[]
  }
  /** What the calling user may do now. */
  viewer: { userId: number; canDecide: boolean; asSubstitute: boolean; canTake: boolean; canRestart: boolean }
  audit: ApprovalAuditEntryDto[]
}

export interface ApprovalDecisionRequest {
  round: number
  stepIndex: number
  decision: 'approve' | 'reject'
  reason?: string
}
export interface ApprovalDecisionResultDto {
  status: 'decided' | 'already-decided'
  approval: ApprovalViewDto
}

/** Start (or restart after a rejection) from the tab; an incomplete request is a 400 naming the fields. */
export interface ApprovalStartResultDto {
  status: 'started'
  approval: ApprovalViewDto
}
export interface ApprovalIncompleteDetails {
  missing: string[]
}

export interface TelegramLinkCodeDto {
  code: string
  expiresAt: string
  /** What to send to the bot. */ command: string
  linked: boolean
}

export type ApprovalRolesDto = Record<ApprovalRoleKeyDto, number | null>

export interface WorkingSpanDto {
  days: number
  hours: number
}
export interface SlaPolicyDto {
  checkEveryHours: number | null
  remindAfter: WorkingSpanDto | null
  escalateAfter: WorkingSpanDto | null
  untilTaken: boolean
}
export interface ApprovalSlaSettingsDto {
  /** By step id: head, cfo, finance, legal, signing. */
  ladders: Record<string, SlaPolicyDto>
  /** The CFO approves too when the amount (kopecks) is at least minAmount, or the cost item is listed. */
  cfoRule: { minAmount?: number; costItems?: string[] } | null
  /** Accounting cut-off and end of day, 'HH:MM'. */
  cutoff: string
  endOfDay: string
}
export interface ApprovalSettingsDto {
  roles: ApprovalRolesDto
  sla: ApprovalSlaSettingsDto
}
