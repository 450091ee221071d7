// Public API of the receivables domain: validation, balance, due dates, stage decision, ageing, summary.
export { ReceivableError } from './receivable-error.ts'
export type { ReceivableErrorCode } from './receivable-error.ts'
export {
  MAX_RECEIVABLE_KOPECKS,
  assertAmount,
  assertCurrency,
  assertDay,
  assertText,
  validateReceivableTerms,
} from './validate.ts'
export type { ReceivableTerms } from './validate.ts'
export { computeBalance, reversalOf } from './balance.ts'
export type { Balance, LedgerEntry } from './balance.ts'
export { daysBetween, daysOverdue, effectiveDueDate, isOverdue } from './due.ts'
export { STAGE_CODES, decideStage, isStageCode } from './stage.ts'
export type { StageCode, StageDecision, StageInput, StageTrigger } from './stage.ts'
export { AGEING_BUCKETS, ageDebts, bucketOf, emptyAgeingRow } from './ageing.ts'
export type { AgeingBucket, AgeingCell, AgeingRow, OpenDebt } from './ageing.ts'
export { AMBER_WITHIN_DAYS, summarizeCounterparty } from './summary.ts'
export type { CounterpartySummary, DebtLine, SummaryColour } from './summary.ts'
export { legacyTotalsMarker, renderTotalsComment, totalsDay, totalsMoney, totalsTitles } from './totals-comment.ts'
export type { TotalsView } from './totals-comment.ts'
export { checkCredit, describeCreditVerdict } from './credit-check.ts'
export type { CreditBreach, CreditLimits, CreditVerdict } from './credit-check.ts'
export {
  DEFAULT_STATUS_THRESHOLDS,
  RECEIVABLE_STATUSES,
  STATUS_DAYS_MAX,
  receivableStatus,
  statusThresholdsOf,
} from './receivable-status.ts'
export type { ReceivableStatus, StatusFacts, StatusThresholds } from './receivable-status.ts'
