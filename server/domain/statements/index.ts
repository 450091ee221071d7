export * from './types.ts'
export { StatementError, type StatementErrorCode } from './statement-error.ts'
export { decodeStatementBytes } from './decode.ts'
export { parse1CStatement, MAX_STATEMENT_DOCUMENTS } from './parse-1c.ts'
export { parseCamt053 } from './parse-camt053.ts'
export { parseMt940, looksLikeMt940 } from './parse-mt940.ts'
export { parseStatement } from './parse-statement.ts'
export { balancesAllowRecording, checkBalances } from './check-balances.ts'
export { findDocumentNumbers, normalizeDocNumber } from './purpose-numbers.ts'
export {
  buildMatchIndex,
  matchPayment,
  type MatchCounterparty,
  type MatchReceivable,
  type MatchLine,
  type MatchDecision,
  type MatchRule,
  type ReviewReason,
  type Allocation,
  type MatchIndex,
} from './match-payments.ts'
export { lineKey } from './line-key.ts'
export {
  API_DUPLICATE,
  CROSS_CHANNEL_DAYS,
  crossChannelDistance,
  findCrossChannel,
  pairCrossChannel,
  paymentOrderNumber,
  type ChannelLine,
} from './cross-channel.ts'
