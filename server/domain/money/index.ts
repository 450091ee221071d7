// Public API of money: integer kopecks, strict parsing, formatting and exact rounding.
export { MoneyError } from './money-error.ts'
export type { MoneyErrorCode } from './money-error.ts'
export { MAX_KOPECKS, assertKopecks, isKopecks, kopecksFromBigInt } from './kopecks.ts'
export type { Kopecks, AmountRules } from './kopecks.ts'
export { parseRubles } from './parse-rubles.ts'
export { formatAmount, formatRubles } from './format-rubles.ts'
export type { MoneyLang } from './format-rubles.ts'
export { allocate, divRoundHalfUp, mulDivRound, sumMoney } from './arithmetic.ts'
