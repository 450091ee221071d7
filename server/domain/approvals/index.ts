// Public API of the approval route engine (pure).
export * from './types.ts'
export { ApprovalError } from './approval-error.ts'
export type { ApprovalErrorCode } from './approval-error.ts'
export { defaultRoute, conditionHolds, HEAD_SLA, REVIEW_SLA, NO_SLA } from './routes.ts'
export type { RouteSettings } from './routes.ts'
export { resolveDepartmentHead } from './department-head.ts'
export type { Department, HeadResolution } from './department-head.ts'
export { missingRequestFields, missingContractFields, describeMissing, REQUIRED_LABELS } from './validate-request.ts'
export type { RequestInput } from './validate-request.ts'
export { accountingDeadline } from './accounting-deadline.ts'
export {
  fullDayMinutes,
  spanMinutes,
  elapsedMinutes,
  momentAt,
  pendingSlaActions,
  nextSlaMoment,
  dueSlaActions,
  slaStatusOf,
} from './sla.ts'
export type { SlaAction, SlaActionKind, SlaStatus } from './sla.ts'
export {
  startRoute,
  decide,
  canDecide,
  takeIntoWork,
  tickSla,
  pauseRoute,
  resumeRoute,
  progressAccounting,
  currentStepIndex,
} from './engine.ts'
export type { EngineEnv, Transition, Decision, StepAssignment, AccountingProgress } from './engine.ts'
export { expectedStage } from './expected-stage.ts'
export { awaitOutcome } from './await-outcome.ts'
export type { AwaitOutcome, AwaitResult, AwaitedStep } from './await-outcome.ts'
