// Public API of the penalty engine (art. 395 interest, contractual penalties, key-rate fractions).
export { PenaltyError } from './penalty-error.ts'
export type { PenaltyErrorCode } from './penalty-error.ts'
export { calculatePenalty } from './calculate-penalty.ts'
export { checkContractPenaltyTerms } from './contract-terms.ts'
export { PENALTY_METHODS, RATE_MODES } from './types.ts'
export type {
  Payment,
  PenaltyCap,
  PenaltyInput,
  PenaltyMethod,
  PenaltyResult,
  PenaltyRow,
  PenaltyTerms,
  RateMode,
} from './types.ts'
export { BUILTIN_KEY_RATES, KEY_RATE_ERA_395 } from './key-rates.ts'
export type { KeyRate } from './key-rates.ts'
export { builtinKeyRateTable, keyRateOn, mergeKeyRates } from './key-rate-table.ts'
export type { KeyRateTable } from './key-rate-table.ts'
export { DEFAULT_NO_ACCRUAL_WINDOWS, MORATORIUM_2022 } from './no-accrual-windows.ts'
export type { NoAccrualWindow } from './no-accrual-windows.ts'
export { formatBasisPoints, formatRatePercent, parseBasisPoints, parsePercent } from './rate.ts'
export type { BasisPoints, ExactRate } from './rate.ts'
export { assertNoDoubleRecovery, accrualClaimOf } from './double-recovery.ts'
export type { AccrualClaim } from './double-recovery.ts'
export { formatPenaltyTable } from './format-penalty-table.ts'
export { KEY_RATE_FRACTIONS, penaltyTermsOf } from './terms-input.ts'
export {
  MAX_OPT_OUTS,
  MAX_WINDOWS,
  checkOptOuts,
  checkPenaltyDefaults,
  checkWindows,
  defaultPenaltyDefaults,
  windowsFor,
} from './penalty-defaults.ts'
export type { DebtorRef, DebtorType, PenaltyDefaults, WindowOptOut } from './penalty-defaults.ts'
export { keyRateChanges, parseCbrKeyRateDays } from './cbr-key-rates.ts'
